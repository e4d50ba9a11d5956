package io.github.harborupload.gzip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: blocks of compressed bytes are stored, blocks that deflate shrinks are deflated, and
 * the answer is the same every time for the same bytes (a resumed push recompresses the layer).
 */
class IncompressibleBlocksTest {

    private static final int BLOCK = 1 << 20;

    private final IncompressibleBlocks incompressible = new IncompressibleBlocks();

    @AfterEach
    void end() {
        incompressible.close();
    }

    @Test
    void randomBytesAreIncompressibleAndSoIsDeflatedData() {
        byte[] random = new byte[BLOCK];
        new Random(1).nextBytes(random);
        assertTrue(incompressible.test(random, random.length));

        // What a model file in a compressed format looks like: deflate's own output.
        byte[] deflated = deflate(code(3 * BLOCK));
        assertTrue(incompressible.test(deflated, Math.min(BLOCK, deflated.length)));
    }

    @Test
    void codeAndTextAreDeflated() {
        byte[] code = code(BLOCK);
        assertFalse(incompressible.test(code, code.length));
        assertFalse(incompressible.test(code, 100), "a short last block is sampled whole");
        assertFalse(incompressible.test(code, 0), "an empty last block is deflated as before");
    }

    @Test
    void aBlockHalfCompressedHalfCodeIsDeflated() {
        // A block holding the end of a .jar and the start of a .so: the code part saves enough.
        byte[] block = code(BLOCK);
        byte[] random = new byte[BLOCK / 2];
        new Random(2).nextBytes(random);
        System.arraycopy(random, 0, block, 0, random.length);
        assertFalse(incompressible.test(block, block.length));
    }

    @Test
    void theAnswerDependsOnlyOnTheBytes() {
        byte[] random = new byte[BLOCK];
        new Random(4).nextBytes(random);
        byte[] code = code(BLOCK);
        for (int round = 0; round < 3; round++) {
            assertTrue(incompressible.test(random, random.length));
            assertFalse(incompressible.test(code, code.length));
        }
    }

    /** Bytes like a binary's: repeated instruction patterns and symbol names with some noise. */
    private static byte[] code(int size) {
        byte[] phrase = "\u0048\u0089\u00e5 _ZNSt6vector libtorch_cpu.so GLIBC_2.17 \u0000\u0000".getBytes();
        Random random = new Random(size);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = random.nextInt(8) == 0 ? (byte) random.nextInt() : phrase[i % phrase.length];
        }
        return bytes;
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(input);
        deflater.finish();
        byte[] output = new byte[input.length];
        int size = deflater.deflate(output);
        deflater.end();
        return Arrays.copyOf(output, size);
    }
}

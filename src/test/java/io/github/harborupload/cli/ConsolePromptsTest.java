package io.github.harborupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A y/N question is yes only when the answer says so: resetting the Harbor password hangs on it. */
class ConsolePromptsTest {

    @ParameterizedTest(name = "\"{0}\" means yes: {1}")
    @CsvSource(value = {"y,true", "Y,true", " yes ,true", "YES,true", "是,true", "'',false", "n,false", "no,false",
        "yess,false", "否,false", "NULL,false"}, nullValues = "NULL")
    void onlyAYesIsYes(String answer, boolean yes) {
        assertEquals(yes, ConsolePrompts.isYes(answer));
    }
}

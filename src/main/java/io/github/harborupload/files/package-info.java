/** File writing the program's own files share: all at once or not at all, readable by the owner only. */
package io.github.harborupload.files;

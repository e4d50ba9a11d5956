/** Harbor credentials: the value type, and the parser for text pasted from the platform. */
package io.github.harborupload.credentials;

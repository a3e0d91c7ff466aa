package com.intellij.openapi.fileTypes;

/** Stand-in of the IntelliJ Platform {@code FileType} (a return type only). */
public interface FileType {
}

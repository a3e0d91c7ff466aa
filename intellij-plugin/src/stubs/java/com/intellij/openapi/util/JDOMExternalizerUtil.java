package com.intellij.openapi.util;

import org.jdom.Element;

/** Stand-in of the IntelliJ Platform {@code JDOMExternalizerUtil}: {@code <option name=".." value=".."/>} fields. */
public final class JDOMExternalizerUtil {
  private JDOMExternalizerUtil() {}

  public static void writeField(Element parent, String fieldName, String value) {
    throw new UnsupportedOperationException("stand-in");
  }

  public static String readField(Element parent, String fieldName) {
    throw new UnsupportedOperationException("stand-in");
  }
}

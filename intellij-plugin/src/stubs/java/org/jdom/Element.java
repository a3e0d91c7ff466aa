package org.jdom;

/** Stand-in of the JDOM {@code Element} that the IntelliJ Platform bundles (a parameter type only). */
public class Element {
}

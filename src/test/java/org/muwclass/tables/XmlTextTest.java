package org.muwclass.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class XmlTextTest {

    @Test
    void findsAndReplacesWhatXmlCannotCarry() {
        assertEquals(-1, XmlText.firstIllegal("tab\tnl\ncr\r \u00e9 \uD83D\uDE00"));
        assertEquals(-1, XmlText.firstIllegal(null));
        assertEquals(1, XmlText.firstIllegal("a\u0001b"));
        assertEquals(0, XmlText.firstIllegal("\uFFFE"));
        assertEquals(1, XmlText.firstIllegal("a\uD800b")); // a lone surrogate
        assertEquals(2, XmlText.firstIllegal("\uD83D\uDE00\uDC00")); // a pair, then a lone low surrogate
        assertEquals("a\uFFFDb\uFFFD \uD83D\uDE00 <&>", XmlText.clean("a\u0001b\u001b \uD83D\uDE00 <&>"));
        assertEquals(null, XmlText.clean(null));
        String fine = "nothing to replace";
        assertSame(fine, XmlText.clean(fine));
    }

    /** One rule: every UTF-16 unit that clean replaces is one escape replaces, and no other. */
    @Test
    void cleanAndEscapeAgreeOnEveryCharacter() {
        for (char c = 0; c < 0xFFFF; c++) {
            String one = String.valueOf(c);
            boolean illegal = XmlText.firstIllegal(one) == 0;
            assertEquals(illegal ? "\uFFFD" : one, XmlText.clean(one), "U+" + Integer.toHexString(c));
            if ("<>&\"".indexOf(c) < 0) {
                assertEquals(illegal ? "\uFFFD" : one, XmlText.escape(one), "U+" + Integer.toHexString(c));
            }
        }
        assertEquals("\uFFFD", XmlText.escape("\uFFFF"));
    }

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; 'd'", XmlText.escape("a <b> & \"c\" 'd'"));
        assertEquals("", XmlText.escape(null));
    }

    @Test
    void replacesCharactersXmlForbidsAndKeepsPairsAndWhitespace() {
        assertEquals("x\uFFFDy\uFFFDz\t\n\r", XmlText.escape("x\u0001y\u0007z\t\n\r"));
        assertEquals("\uFFFD\uFFFD", XmlText.escape("\uFFFE\uFFFF"));
        assertEquals("a\uFFFDb\uFFFDc", XmlText.escape("a\uD800b\uDC00c"), "unpaired surrogates");
        assertEquals("\uD83D\uDE00", XmlText.escape("\uD83D\uDE00"), "a pair is one character (U+1F600)");
    }

    @Test
    void elementIsEmptyForBlankText() {
        assertEquals("<name>a&amp;b</name>", XmlText.element("name", "a&b"));
        assertEquals("", XmlText.element("name", " "));
        assertEquals("", XmlText.element("name", null));
    }

    @Test
    void anyStringSurvivesAnXmlParserInTextAndAttribute() throws Exception {
        String hostile = "\"/><x a='1'>&bogus;</x>\u0000\u001F\uFFFF\uD800]]>";
        String doc = "<r v=\"" + XmlText.escape(hostile) + "\">" + XmlText.escape(hostile) + "</r>";
        var root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(doc))).getDocumentElement();
        String expected = "\"/><x a='1'>&bogus;</x>\uFFFD\uFFFD\uFFFD\uFFFD]]>";
        assertEquals(expected, root.getTextContent());
        assertEquals(expected, root.getAttribute("v"));
    }
}

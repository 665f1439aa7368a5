#include "audit/html_text.h"

#include <doctest/doctest.h>

namespace draftguard::audit {
namespace {

TEST_CASE("html: a LinkedIn article becomes its title, link and paragraphs") {
  HtmlText t = HtmlToText(
      "<html><head><meta charset=\"UTF-8\"/><title>Our  road\nto Falcon</title>"
      "<style>p{color:red}</style></head><body>"
      "<h1><a href=\"https://www.linkedin.com/pulse/x?a=1&amp;b=2\">Our road to Falcon</a></h1>"
      "<p class=\"published\">Published on 2024-05-11 09:30</p>"
      "<div><p>First   paragraph,\n spread  out.</p><p>Second<br>line two</p>"
      "<script>if (a < b) evil()</script><!-- <p>hidden</p> --><ul><li>one</li><li>two</li></ul>"
      "</div></body></html>");
  CHECK(t.title == "Our road to Falcon");
  CHECK(t.heading_link == "https://www.linkedin.com/pulse/x?a=1&b=2");
  CHECK(t.text ==
        "Our road to Falcon\n\nPublished on 2024-05-11 09:30\n\n"
        "First paragraph, spread out.\n\nSecond\nline two\n\none\ntwo");
}

TEST_CASE("html: character references") {
  CHECK(DecodeHtmlEntities("a &amp; b &lt;c&gt; &quot;d&quot; &#233;&#xE9;&#x1F680; &euro;") ==
        "a & b <c> \"d\" éé🚀 €");
  CHECK(DecodeHtmlEntities("AT&T &unknown; & &#; &#xZZ;") == "AT&T &unknown; & &#; &#xZZ;");
  CHECK(DecodeHtmlEntities("&#0;&#xD800;") == "\uFFFD\uFFFD");
}

TEST_CASE("html: <pre> keeps its line breaks; malformed markup still yields text") {
  CHECK(HtmlToText("<pre>a\n  b</pre>").text == "a\n  b");
  HtmlText t = HtmlToText("<p>5 < 6 and <b>bold</b> <a href='x'>link</a> <unclosed");
  CHECK(t.text == "5 < 6 and bold link");
  CHECK(HtmlToText("").text.empty());
  CHECK(HtmlToText("<h1>Only a heading</h1>").title == "Only a heading");
}

TEST_CASE("html: script and style bodies are skipped whatever their case") {
  HtmlText t = HtmlToText("<SCRIPT>alert('<p>x</p>')</SCRIPT>ok<Style>.a{}</STYLE>!");
  CHECK(t.text == "ok!");
}

}  // namespace
}  // namespace draftguard::audit

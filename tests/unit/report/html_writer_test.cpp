#include <gtest/gtest.h>

#include "libgis/report/detail.h"
#include "libgis/report/report.h"
#include "tests/unit/report/sample_report.h"

namespace parkgis::report {
namespace {

using test::real;
using test::text;

const std::string kHead =
    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

TEST(ReportHtml, RendersTheSampleExactly) {
  Report r = test::sample_report();
  r.images = {{"蕉城园", "图 1 <示意>", std::string("\x89PNG\r\n", 6)},
              {"", "总图", std::string("ab", 2)}};
  const std::string body = R"(<body>
<h1>宁德小微园 — 园区汇总</h1>
<ul class="notes">
<li>数据: ningde 2026-06-30</li>
<li>parkgis 0.1.0</li>
</ul>
<figure><img src="data:image/png;base64,YWI=" alt="总图"><figcaption>总图</figcaption></figure>
<nav>
<h2>目录</h2>
<ol>
<li><a href="#section-1">蕉城园</a></li>
<li><a href="#section-2">Fu&#39;an &lt;B&gt;</a></li>
</ol>
</nav>
<section id="section-1">
<h2>蕉城园</h2>
<figure><img src="data:image/png;base64,iVBORw0K" alt="图 1 &lt;示意&gt;"><figcaption>图 1 &lt;示意&gt;</figcaption></figure>
<table>
<thead>
<tr><th>园区</th><th class="num">面积 (亩)</th><th class="num">企业数</th><th class="num">亩均税收 (万元/亩)</th><th class="num">闲置率</th></tr>
</thead>
<tbody>
<tr><td>蕉城小微园A区</td><td class="num">120.5</td><td class="num">12</td><td class="num">3.46</td><td class="num">12.5%</td></tr>
<tr><td>Lot &quot;B&quot;, 2|3</td><td class="num">80.3</td><td class="num">3</td><td class="num">—</td><td class="num">0.0%</td></tr>
</tbody>
<tfoot>
<tr><td>合计</td><td class="num">200.8</td><td class="num">15</td><td class="num">2.90</td><td class="num">8.0%</td></tr>
</tfoot>
</table>
</section>
<section id="section-2">
<h2>Fu&#39;an &lt;B&gt;</h2>
<table>
<thead>
<tr><th>园区</th><th class="num">面积 (亩)</th><th class="num">企业数</th><th class="num">亩均税收 (万元/亩)</th><th class="num">闲置率</th></tr>
</thead>
<tbody>
<tr><td>福安园</td><td class="num">1234.6</td><td class="num">7</td><td class="num">0.00</td><td class="num">100.0%</td></tr>
</tbody>
</table>
</section>
</body>
</html>
)";
  const std::string want = kHead + "<title>宁德小微园 — 园区汇总</title>\n<style>\n" + detail::kHtmlStyle +
                           "</style>\n</head>\n" + body;
  EXPECT_EQ(render(r, Format::html), want);
}

TEST(ReportHtml, StyleIsSelfContainedAndPrintable) {
  const std::string style = detail::kHtmlStyle;
  EXPECT_NE(style.find(R"("Noto Sans CJK SC", "Noto Sans SC")"), std::string::npos);
  for (const char* font : {"\"Microsoft YaHei\"", "\"PingFang SC\"", "sans-serif;"})
    EXPECT_NE(style.find(font), std::string::npos) << font;
  EXPECT_NE(style.find("font-variant-numeric: tabular-nums"), std::string::npos);
  EXPECT_NE(style.find("nth-child(even)"), std::string::npos);
  EXPECT_NE(style.find("@media print"), std::string::npos);
  const std::string html = render(test::sample_report(), Format::html);
  for (const char* external : {"http:", "https:", "@import", "url(", "<link", "<script"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
}

TEST(ReportHtml, EscapesText) {
  Report r;
  r.title = "A&B <script>alert('x')</script> \"q\"";
  r.notes = {"<b>"};
  r.columns = {{"c", "列<1>", "m&sup2;", -1, false}};
  r.sections = {{"", {{text("&amp; 'quoted'")}}, {}}};
  const std::string html = render(r, Format::html);
  EXPECT_NE(html.find("<title>A&amp;B &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot;</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<li>&lt;b&gt;</li>"), std::string::npos);
  EXPECT_NE(html.find("<th>列&lt;1&gt; (m&amp;sup2;)</th>"), std::string::npos);
  EXPECT_NE(html.find("<td>&amp;amp; &#39;quoted&#39;</td>"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<nav>"), std::string::npos);  // one section: no table of contents
}

TEST(ReportHtml, ImagesBecomeDataUris) {
  EXPECT_EQ(detail::base64(""), "");
  EXPECT_EQ(detail::base64("f"), "Zg==");
  EXPECT_EQ(detail::base64("fo"), "Zm8=");
  EXPECT_EQ(detail::base64("foo"), "Zm9v");
  EXPECT_EQ(detail::base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(detail::base64(std::string("\x00\xFF\xFE\x80", 4)), "AP/+gA==");

  Report r;
  r.columns = {{"c", "c", "", -1, false}};
  r.sections = {{"园区A", {}, {}}};
  r.images = {{"园区A", "", std::string("\x89PNG", 4)}, {"不存在的分区", "孤图", "x"}};
  const std::string html = render(r, Format::html);
  EXPECT_NE(html.find("<section id=\"section-1\">\n<h2>园区A</h2>\n"
                      "<figure><img src=\"data:image/png;base64,iVBORw==\" alt=\"\"></figure>\n<table>"),
            std::string::npos)
      << html;
  // An image whose section does not exist goes to the top of the report rather than being lost.
  EXPECT_LT(html.find("<figure><img src=\"data:image/png;base64,eA==\" alt=\"孤图\"><figcaption>孤图"),
            html.find("<section"));
}

}  // namespace
}  // namespace parkgis::report

"""Tests for desktop.corpus.html_reader (HTML article extraction)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.corpus.html_reader import HtmlArticle, extract_article

DE_MISTURA = (
    "قال ستافان دي ميستورا مبعوث الأمم المتحدة الخاص إلى سوريا، "
    "إنه ينبغي لروسيا وإيران وتركيا عقد المزيد من المحادثات."
)
ASTANA = "وأضاف أن الجولة المقبلة من محادثات أستانة ستعقد في 10 يوليو/تموز."
GENEVA = "وتستأنف مفاوضات جنيف بين الحكومة والمعارضة الأسبوع المقبل."

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>دي ميستورا يدعو لمزيد من المحادثات - رويترز</title>
  <meta property="og:title" content="دي ميستورا: ينبغي لروسيا وإيران وتركيا عقد المزيد من المحادثات">
  <meta property="og:site_name" content="رويترز">
  <meta property="og:url" content="https://ara.reuters.com/og-url">
  <meta property="article:published_time" content="2017-07-10T12:00:00+03:00">
  <meta name="author" content="توم مايلز">
  <link rel="canonical" href="https://ara.reuters.com/article/topNews/idARAKBN19V1JM">
  <style>.lead {{ font-weight: bold; }}</style>
  <script>window.dataLayer = ["سكربت لا يظهر"];</script>
</head>
<body>
  <header class="site-header">
    <a href="/">رويترز</a>
    <nav><ul><li><a href="/world">العالم</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
  </header>
  <div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/world">العالم</a></div>
  <article>
    <h1>دي ميستورا يدعو لمزيد من المحادثات</h1>
    <div class="share-bar"><a>شارك على فيسبوك</a><a>تويتر</a></div>
    <p class="lead">{DE_MISTURA}</p>
    <script>trackView("مقال");</script>
    <noscript>فعّل جافاسكربت</noscript>
    <p>{ASTANA}</p>
    <div class="ad-slot">إعلان</div>
    <p>{GENEVA}</p>
    <div id="comments">أضف تعليقك</div>
  </article>
  <aside class="sidebar"><h3>الأكثر قراءة</h3><p>خبر جانبي طويل عن أسعار النفط والذهب في الأسواق العالمية اليوم.</p></aside>
  <footer><p>جميع الحقوق محفوظة © 2017 رويترز</p></footer>
</body>
</html>
"""


def test_boilerplate_is_dropped_and_body_paragraphs_kept_in_order() -> None:
    text = extract_article(NEWS_PAGE).text

    assert text.split("\n") == [DE_MISTURA, ASTANA, GENEVA]
    for junk in ("سكربت", "مقال", "جافاسكربت", "شارك", "إعلان", "تعليقك", "الحقوق", "العالم"):
        assert junk not in text


def test_meta_fields_are_read() -> None:
    article = extract_article(NEWS_PAGE)

    assert article.title == "دي ميستورا: ينبغي لروسيا وإيران وتركيا عقد المزيد من المحادثات"
    assert article.date == "2017-07-10T12:00:00+03:00"
    assert article.author == "توم مايلز"
    assert article.url == "https://ara.reuters.com/article/topNews/idARAKBN19V1JM"
    assert article.outlet == "رويترز"


def test_the_heading_is_the_title_and_not_the_first_line_of_the_text() -> None:
    """The <h1> was the text's first line as well as the title: the article was not found
    the same as its copy in a table, whose title is a field of its own."""
    heading = "دي ميستورا يدعو إلى اجتماع عاجل في آستانة"
    page = f"""<html><head><title>{heading} - الحياة</title></head><body><article>
      <h1 class="entry-title">{heading}</h1>
      <div class="meta">رويترز، أ ف ب <time>25/03/2017 06:00</time></div>
      <p>{DE_MISTURA}</p><p>{ASTANA}</p></article></body></html>"""

    article = extract_article(page)

    assert article.title == heading
    assert article.text == f"{DE_MISTURA}\n{ASTANA}"
    assert extract_article(NEWS_PAGE).text.split("\n")[0] == DE_MISTURA  # og:title is the title


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # after a kicker: the kicker stays
        (
            f"<span class='kicker'>سوريا</span><h1>عنوان</h1><p>{DE_MISTURA}</p>",
            ["سوريا", DE_MISTURA],
        ),
        # a heading of two lines
        (f"<h1>الجعفري<br>في جنيف</h1><p>{DE_MISTURA}</p>", [DE_MISTURA]),
        # an <h1> further down is a heading of the text, and stays
        (
            f"<p>{DE_MISTURA}</p><p>{ASTANA}</p><p>{GENEVA}</p><h1>جنيف</h1><p>{ASTANA}</p>",
            [DE_MISTURA, ASTANA, GENEVA, "جنيف", ASTANA],
        ),
        # the first <h1> the text shows: not the one in the share bar
        (
            f"<div class='share'><h1>شارك</h1></div><h1>عنوان</h1><p>{DE_MISTURA}</p>",
            [DE_MISTURA],
        ),
        # a page that is only its heading keeps it
        ("<h1>عاجل: انفجار في دمشق</h1>", ["عاجل: انفجار في دمشق"]),
    ],
)
def test_only_the_opening_heading_leaves_the_text(body: str, expected: list[str]) -> None:
    assert extract_article(f"<article>{body}</article>").text.split("\n") == expected


def test_article_with_most_text_is_picked_over_sidebar_and_teasers() -> None:
    html = f"""<html><body>
      <aside><article><p>{GENEVA} {GENEVA} {GENEVA} {GENEVA}</p></article></aside>
      <article class="teaser"><p>خبر قصير</p></article>
      <article class="article-header-less"><p>{DE_MISTURA}</p><p>{ASTANA}</p></article>
      <div class="related-news"><article><p>{GENEVA} {GENEVA} {GENEVA}</p></article></div>
    </body></html>"""

    assert extract_article(html).text == f"{DE_MISTURA}\n{ASTANA}"


_LINKS = (
    "<ul><li><a href='/x/1'>واشنطن تفرض عقوبات جديدة على شركات روسية</a></li>"
    "<li><a href='/x/2'>الأسد يستقبل وفدًا إيرانيًا في دمشق</a></li></ul>"
)


@pytest.mark.parametrize(
    "inset",
    [
        f"<p><strong>اقرأ أيضًا:</strong></p>{_LINKS}",
        f"<h3>شاهد أيضاً</h3>\n{_LINKS}",
        f"<p>اقْرَأْ أَيْضًا</p>{_LINKS}",  # with its vowels
        f"<div><p>إقرأ أيضا</p><br>{_LINKS}</div>",
        "<p>اقرأ أيضا: <a href='/x/1'>واشنطن تفرض عقوبات جديدة على شركات روسية</a></p>",
        "<p><b>للمزيد</b> — <a href='/x/1'>الأسد يستقبل وفدًا إيرانيًا في دمشق</a></p>",
        "<p><em>Read also:</em></p><p><a href='/x/1'>Syria talks resume</a></p>"
        "<p>• <a href='/x/2'>UN envoy in Moscow</a></p>",
        "<div class='read-more'><span>ذات صلة</span><a href='/y/1'>لافروف: لا حل عسكريًا في إدلب</a></div>",
    ],
)
def test_a_read_also_list_in_the_text_is_dropped(inset: str) -> None:
    """«اقرأ أيضًا:» and the titles of other articles it leads to were lines of the text."""
    html = f"<article><p>{DE_MISTURA}</p>{inset}<p>{ASTANA}</p></article>"

    assert extract_article(html).text == f"{DE_MISTURA}\n{ASTANA}"


@pytest.mark.parametrize(
    "embed",
    [
        '<blockquote class="twitter-tweet"><p lang="ar" dir="rtl">تصريح جيفري اليوم خطوة مهمة '
        '<a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; مراسل (@reporter) '
        '<a href="#">May 30, 2019</a></blockquote>',
        '<blockquote class="instagram-media"><p>صورة من إدلب اليوم</p></blockquote>',
        '<blockquote class="tiktok-embed"><section><p>فيديو من حلب</p></section></blockquote>',
        '<div class="fb-post"><blockquote>منشور الوزارة على فيسبوك</blockquote></div>',
    ],
)
def test_a_post_of_a_social_network_in_the_text_is_dropped(embed: str) -> None:
    html = f"<article><p>{DE_MISTURA}</p>{embed}<p>{ASTANA}</p></article>"

    assert extract_article(html).text == f"{DE_MISTURA}\n{ASTANA}"


def test_paragraphs_saying_also_or_more_than_a_lead_in_are_kept() -> None:
    also = "وقال أيضا إن وفد المعارضة سيشارك في الجولة المقبلة."
    read = "اقرأ أيضًا ما قاله دي ميستورا في جنيف: <a href='/x'>المؤتمر الصحفي</a>"
    html = f"""<article><p>{DE_MISTURA}</p><p>{also}</p><p>اقرأ أيضًا:</p><p>{ASTANA}</p>
      <p>{read}</p><ul><li><a href='/x/1'>نص البيان</a></li></ul><p>{GENEVA}</p>
      <p>شاهد أيضا:</p><ul><li><a href='/x/1'>الجعفري</a> في جنيف</li></ul></article>"""

    assert extract_article(html).text.split("\n") == [
        DE_MISTURA,
        also,
        "اقرأ أيضًا:",  # no links come after it
        ASTANA,
        "اقرأ أيضًا ما قاله دي ميستورا في جنيف: المؤتمر الصحفي",
        "نص البيان",  # a list of the article's own, after a paragraph of its own
        GENEVA,
        "شاهد أيضا:",
        "الجعفري في جنيف",  # not only a link
    ]


def test_main_then_marked_body_then_body_are_fallbacks() -> None:
    with_main = f"<body><div class='menu'>القائمة</div><main><p>{DE_MISTURA}</p></main></body>"
    with_itemprop = (
        f"<body><div>{GENEVA}</div><div itemprop='articleBody'><p>{ASTANA}</p></div></body>"
    )
    with_role = f"<body><p>{GENEVA}</p><div role='main'><p>{ASTANA}</p></div></body>"
    only_body = f"<html><head><title>عنوان</title></head><body><p>{GENEVA}</p></body></html>"
    no_body = f"<p>{DE_MISTURA}</p><p>{ASTANA}</p>"

    assert extract_article(with_main).text == DE_MISTURA
    assert extract_article(with_itemprop).text == ASTANA
    assert extract_article(with_role).text == ASTANA
    assert extract_article(only_body).text == GENEVA
    assert extract_article(no_body).text == f"{DE_MISTURA}\n{ASTANA}"


def test_class_words_are_matched_as_whole_words_only() -> None:
    html = f"""<article>
      <div class="article-header"><span>الصورة: رويترز</span></div>
      <div class="download-box"><p>{DE_MISTURA}</p></div>
      <div class="leading_text"><p>{ASTANA}</p></div>
      <div class="shareButtons">مشاركة</div>
      <div class="post_tags">سوريا، روسيا</div>
    </article>"""

    assert extract_article(html).text == f"{DE_MISTURA}\n{ASTANA}"


def test_body_inside_boilerplate_named_wrapper_is_still_found() -> None:
    html = f"<body><div class='page has-sidebar'><p>{DE_MISTURA}</p></div></body>"

    assert extract_article(html).text == DE_MISTURA


def test_aspnet_form_wrapping_the_page_is_kept_but_search_form_dropped() -> None:
    html = f"""<body><form id="aspnetForm" method="post">
      <form class="search"><input name="q"><span>ابحث في الموقع</span></form>
      <div class="content"><p>{DE_MISTURA}</p></div>
    </form></body>"""

    assert extract_article(html).text == DE_MISTURA


def test_entities_are_decoded() -> None:
    html = (
        "<p>قال المتحدث &quot;لن نتراجع&quot;&nbsp;أمس &amp; اليوم "
        "&#1587;&#1608;&#1585;&#1610;&#1575; و&#x627;لعراق &lt;عاجل&gt;</p>"
    )

    assert extract_article(html).text == 'قال المتحدث "لن نتراجع" أمس & اليوم سوريا والعراق <عاجل>'


def test_blocks_break_lines_inline_text_joins_and_whitespace_collapses() -> None:
    html = """<article>
      <h2>  عنوان
          فرعي </h2>
      <p>قال <b>الرئيس</b> <a href="#">الفرنسي</a>   إيمانويل
         <em>ماكرون</em>، إن<br>باريس<br/>ستستضيف القمة</p>
      <p>   </p><div>  </div>
      <ul><li>النقطة الأولى</li><li>النقطة الثانية</li></ul>
      <table><tr><td>الدولة</td><td>العدد</td></tr><tr><td>سوريا</td><td>12</td></tr></table>
      <blockquote>لا حل عسكريا للأزمة</blockquote>
    </article>"""

    assert extract_article(html).text.split("\n") == [
        "عنوان فرعي",
        "قال الرئيس الفرنسي إيمانويل ماكرون، إن",
        "باريس",
        "ستستضيف القمة",
        "النقطة الأولى",
        "النقطة الثانية",
        "الدولة العدد",
        "سوريا 12",
        "لا حل عسكريا للأزمة",
    ]


def test_arabic_latin_digits_and_marks_are_preserved_exactly() -> None:
    sentence = "أعلنت شركة Apple عن هاتف iPhone 8 بسعر 999 دولارا في ٢٠١٧ وقالت‌ إن\u200fالطلب كبير"
    html = f"<p>{sentence}</p><p>\u200f</p><p>\u200e \u200f</p><p>الإمارات العربيّة المتّحدة</p>"

    text = extract_article(html).text

    assert text == f"{sentence}\nالإمارات العربيّة المتّحدة"
    assert "\u200c" in text and "\u200f" in text and "\u200e" not in text


def test_no_direction_marks_are_invented() -> None:
    text = extract_article("<p dir='rtl'>سوريا Syria ١٢ 12</p>").text

    assert text == "سوريا Syria ١٢ 12"


def test_title_falls_back_to_h1_then_page_title_without_site_suffix() -> None:
    with_h1 = "<html><head><title>صفحة</title></head><body><article><h1>العنوان الرئيسي</h1><p>نص</p></article></body></html>"
    with_site = (
        '<head><meta property="og:site_name" content="الجزيرة نت">'
        "<title>روسيا وتركيا تبحثان الأزمة | الجزيرة نت</title></head><body><p>نص</p></body>"
    )
    dash_site = (
        '<head><meta property="og:site_name" content="BBC Arabic">'
        "<title>قمة العشرين - bbc arabic</title></head>"
    )
    unknown_site = "<head><title>قمة العشرين - بي بي سي</title></head>"

    assert extract_article(with_h1).title == "العنوان الرئيسي"
    assert extract_article(with_site).title == "روسيا وتركيا تبحثان الأزمة"
    assert extract_article(dash_site).title == "قمة العشرين"
    assert extract_article(unknown_site).title == "قمة العشرين - بي بي سي"
    assert extract_article("<p>نص بلا عنوان</p>").title is None


def test_a_declared_site_name_goes_from_the_front_of_the_title_too() -> None:
    """«سانا | …» kept the site's name its page declares, which only went from the end
    of a title; one word with ال in front is as often a dateline, and stays."""

    def title(site: str, page_title: str) -> str | None:
        head = f'<head><meta property="og:site_name" content="{site}"><title>{page_title}</title></head>'
        return extract_article(head + "<body><p>نص</p></body>").title

    assert title("سانا", "سانا | الجعفري يبحث مع دي ميستورا") == "الجعفري يبحث مع دي ميستورا"
    assert title("الجزيرة نت", "الجزيرة نت - قمة العشرين") == "قمة العشرين"
    assert title("BBC News عربي", "BBC News عربي - قمة العشرين") == "قمة العشرين"
    assert title("الرياض", "الرياض - ولي العهد يستقبل الوزير") == "الرياض - ولي العهد يستقبل الوزير"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="pubdate" content="20170710">', "20170710"),
        ('<meta name="DC.date.issued" content="2017-07-10">', "2017-07-10"),
        ('<meta itemprop="datePublished" content="2017-07-11T08:00:00Z">', "2017-07-11T08:00:00Z"),
        ('<meta name="publishdate" content="2017/07/12">', "2017/07/12"),
        ('<meta name="date" content="10 July 2017">', "10 July 2017"),
    ],
)
def test_date_meta_variants(head: str, expected: str) -> None:
    html = f"<html><head>{head}</head><body><article><p>نص</p></article></body></html>"

    assert extract_article(html).date == expected


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # the page's only date, in its JSON-LD article
        (
            _ld(
                '{"@context":"https://schema.org","@type":"NewsArticle","headline":"دي ميستورا يدعو",'
                '"datePublished":"2017-03-25T06:00:00+03:00",'
                '"publisher":{"@type":"Organization","name":"الحياة"}}'
            ),
            "2017-03-25T06:00:00+03:00",
        ),
        # in a graph, after the site's objects (WordPress's Yoast), one type of several
        (
            _ld(
                '{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"عنب بلدي"},'
                '{"@type":["Article","NewsArticle"],"datePublished":"2019-05-30T09:30:00+03:00"}]}'
            ),
            "2019-05-30T09:30:00+03:00",
        ),
        # in a list, after a broken script that is skipped
        (
            _ld('{"@type":"NewsArticle","datePublished":"2017-01-01",}')
            + _ld(
                '[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle",'
                '"datePublished":"2017-07-10T12:00:00+03:00"}]'
            ),
            "2017-07-10T12:00:00+03:00",
        ),
        # no datePublished: when it was written
        (_ld('{"@type":"http://schema.org/BlogPosting","dateCreated":"2016-04-27"}'), "2016-04-27"),
        # a date of something else than the article is not its date
        (_ld('{"@type":"WebPage","datePublished":"2010-01-01"}'), None),
        # article:published_time is as good, and comes first
        (
            '<meta property="article:published_time" content="2017-07-10T12:00:00+03:00">'
            + _ld('{"@type":"NewsArticle","datePublished":"2017-07-11"}'),
            "2017-07-10T12:00:00+03:00",
        ),
    ],
)
def test_date_from_json_ld(head: str, expected: str | None) -> None:
    """A page dated only in its JSON-LD («"@type":"NewsArticle","datePublished":…») had
    no date."""
    html = f"<html><head>{head}</head><body><article><p>{DE_MISTURA}</p></article></body></html>"

    assert extract_article(html).date == expected


def test_json_ld_date_comes_before_a_time_in_the_text_and_gives_headline_and_authors() -> None:
    linked = _ld(
        '{"@type":"NewsArticle","headline":"الجعفري يبحث مع دي ميستورا",'
        '"datePublished":"2017-07-10T21:15:00+03:00",'
        '"author":[{"@type":"Person","name":"محمد علي"},{"@type":"Person","name":"سانا"}]}'
    )
    html = f"""<html><head><title>الجعفري في جنيف - سانا</title>{linked}</head>
      <body><article><time datetime="2024-01-01">اليوم</time><p>{DE_MISTURA}</p></article></body>
      </html>"""

    article = extract_article(html)

    assert article.date == "2017-07-10T21:15:00+03:00"
    assert article.title == "الجعفري يبحث مع دي ميستورا"
    assert article.author == "محمد علي، سانا"


def test_date_from_time_element_inside_article_and_author_from_itemprop() -> None:
    html = f"""<body>
      <div class="ticker"><time datetime="2020-01-01">قديم</time></div>
      <article>
        <span itemprop="author" itemscope><span itemprop="name">  محمد   علي </span></span>
        <time datetime="2017-07-10T12:00:00+03:00">10 يوليو 2017</time>
        <p>{DE_MISTURA}</p>
      </article></body>"""

    article = extract_article(html)

    assert article.date == "2017-07-10T12:00:00+03:00"
    assert article.author == "محمد علي"
    assert article.url is None
    assert article.outlet is None


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="meta">رويترز، أ ف ب <time>25/03/2017 06:00</time></div>',
        '<div class="post-meta"><span class="author">تيم الحاج</span> <span>30/05/2019</span></div>',
        '<div class="entry-meta"><span class="posted-on">نشر في 10 يوليو 2017</span></div>',
        '<div class="article-info">سانا - دمشق | آخر تحديث: 10-07-2017</div>',
        '<p class="byline">بقلم: محمد علي</p>',
        "<div class='dateline'>جنيف - سانا</div>",
        '<div><span itemprop="author">فرانس برس</span></div>',
        '<div><a rel="author" href="/author/1">أ ف ب</a></div>',
        '<div class="articleDate">السبت، 25 آذار/مارس 2017</div>',
    ],
)
def test_a_byline_or_dateline_block_is_not_a_line_of_the_text(byline: str) -> None:
    """The agencies in «رويترز، أ ف ب 25/03/2017 06:00» were mentions of the article, and
    the line kept it from being found the same as its copy in a table."""
    html = f"<article>{byline}<p>{DE_MISTURA}</p><p>{ASTANA}</p></article>"

    assert extract_article(html).text == f"{DE_MISTURA}\n{ASTANA}"


def test_a_wrapper_named_like_a_byline_keeps_the_article_it_holds() -> None:
    html = f"""<article><div class="post-meta-wrapper">
      <p>{DE_MISTURA}</p><p>{ASTANA}</p><p>{GENEVA}</p><span class="date">10/07/2017</span>
    </div></article>"""

    assert extract_article(html).text == f"{DE_MISTURA}\n{ASTANA}\n{GENEVA}"


def test_a_date_the_byline_shows_dates_a_page_nothing_else_dates() -> None:
    shown = """<div class="ticker"><span class="date">01/01/2024</span></div><article>
      <div class="related"><span class="date">01/01/2020</span></div>
      <div class="meta"><span class="author">رويترز، أ ف ب</span>
      <span class="date">السبت، 25 آذار/مارس 2017</span></div>"""
    in_time = '<article><div class="meta">رويترز <time>25/03/2017 06:00</time></div>'
    with_attribute = '<article><time datetime="2017-03-25">السبت</time><span class="date">25</span>'

    def date(page: str) -> str | None:
        return extract_article(f"{page}<p>{DE_MISTURA}</p></article>").date

    assert date(shown) == "السبت، 25 آذار/مارس 2017"
    assert date(in_time) == "25/03/2017 06:00"
    assert date(with_attribute) == "2017-03-25"
    assert date('<article><span class="time">منذ ساعة</span>') is None  # no digit


def test_url_from_og_url_and_publisher_name_from_microdata() -> None:
    html = """<head><meta property="og:url" content="https://www.aljazeera.net/news/2017/7/10/x"></head>
      <body><div itemprop="publisher" itemscope><meta itemprop="name" content="الجزيرة"></div>
      <p>نص</p></body>"""

    article = extract_article(html)

    assert article.url == "https://www.aljazeera.net/news/2017/7/10/x"
    assert article.outlet == "الجزيرة"


def test_empty_string_gives_empty_article() -> None:
    assert extract_article("") == HtmlArticle(
        title=None, text="", date=None, author=None, url=None, outlet=None
    )


@pytest.mark.parametrize(
    ("html", "expected_text"),
    [
        (f"<html><body><article><p>{DE_MISTURA}", DE_MISTURA),
        (f"<p>{DE_MISTURA}</div></span></article></p></p>", DE_MISTURA),
        (f"<div><p>{ASTANA}<p>{GENEVA}</div></div></div>", f"{ASTANA}\n{GENEVA}"),
        (f"<p>{ASTANA}</p><p class='x", ASTANA),
        (f"<p>{ASTANA}</p><!-- <p>تعليق لم يغلق", ASTANA),
        (f"<p>{ASTANA}</p><script>var a = '<p>x</p>';", ASTANA),
        (f"<p>{GENEVA}<![if !IE]>", GENEVA),
        ("<<<>>><</>>", "<<<>>><>"),  # "</>" is ignored, as browsers do
        ("<p>5 < 6</p>", "5 < 6"),
        (f"<p>{ASTANA}</br>{GENEVA}</p>", f"{ASTANA}\n{GENEVA}"),  # browsers read </br> as <br>
        (f"<p>{ASTANA}<div>{GENEVA}</div></p>", f"{ASTANA}\n{GENEVA}"),  # a block closes <p>
    ],
)
def test_broken_html_does_not_raise(html: str, expected_text: str) -> None:
    assert extract_article(html).text == expected_text


def test_unclosed_tags_at_the_end_are_cut_off() -> None:
    # a tail the parser must give up on, in linear time (html.parser took minutes on this)
    article = extract_article("<p>نص</p>" + "<a " * 20_000)

    assert article.text == "نص"


def test_deeply_nested_page_does_not_hit_recursion_limit() -> None:
    html = "<div>" * 50_000 + DE_MISTURA + "</div>" * 50_000

    assert extract_article(html).text == DE_MISTURA


_FRAGMENTS = st.sampled_from(
    [
        "<p>", "</p>", "<div class='share'>", "<div class=\"article-body\">", "</div>",
        "<article>", "</article>", "<main>", "<body>", "<br>", "<br/>", "<script>",
        "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>",
        "<?xml?>", "<meta property='og:title' content='", "<title>", "</title>", "<h1>",
        "<time datetime='2017'>", "<a href=\"", "\">", "&quot;", "&nbsp;", "&#1587;",
        "&#x", "&", "<", ">", "</", "'", '"', "=", " ", "\n", "\u200f", "سوريا",
        "روسيا وإيران", "iPhone 8", "١٢", "<nav>", "<footer>", "<aside>", "<form>",
        "<li>", "<table><tr><td>", "<svg><text>", "<template>", "<iframe>", "<noscript>",
        "<div class='meta'>", "<span itemprop='author'>", "<time>", "<ul>", "<a>", "</a>",
        "اقرأ أيضًا:", "<blockquote class='twitter-tweet'>",
        "<script type='application/ld+json'>", '{"@type":"NewsArticle","datePublished":"',
        '[{"@graph":[', "}]}",
    ]
)  # fmt: skip
_TAG_SOUP = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=60).map("".join)


def _assert_well_formed(article: HtmlArticle) -> None:
    assert isinstance(article.text, str)
    if article.text:
        for line in article.text.split("\n"):
            assert line == line.strip() and "  " not in line
            assert line.strip("\u200e\u200f")
    for value in (article.title, article.date, article.author, article.url, article.outlet):
        assert value is None or (isinstance(value, str) and value)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_never_raises(html: str) -> None:
    _assert_well_formed(extract_article(html))


@settings(max_examples=300, deadline=None)
@given(_TAG_SOUP)
def test_random_tag_soup_never_raises(html: str) -> None:
    _assert_well_formed(extract_article(html))

"""The page-reading helpers the view tests use find elements as a browser nests them."""

from tests.html import element, elements

PAGE = """<main><section aria-labelledby="a"><h2 id="a">A</h2>
<section aria-labelledby="b"><table id="t"><tr><td class="number">1.750</td></tr></table></section>
<p>after the inner section<br>still A</p></section><section aria-labelledby="c">C</section></main>"""


def test_a_section_holds_everything_up_to_its_own_end_not_the_first_closing_tag():
    inner = element(PAGE, "section", aria_labelledby="a").inner

    assert "after the inner section<br>still A" in inner
    assert "C</section>" not in inner


def test_elements_come_in_page_order_with_their_source_and_text():
    rows = elements(PAGE, "tr")

    assert [row.outer for row in rows] == ['<tr><td class="number">1.750</td></tr>']
    assert element(PAGE, "table", id="t").text == "1.750"
    assert [s.attrs["aria-labelledby"] for s in elements(PAGE, "section")] == ["a", "b", "c"]

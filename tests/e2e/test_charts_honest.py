"""Charts as a reader sees them at 1280 and 390 px (issue 23, items 2 and 7): legends are whole, unknown is
grey, every area can be told apart without colour, and placements read against the documents' head count
(001: 7–8 during 2018; 002: 7 in August 2019; 000: 7 in June 2020)."""

import pytest

from tests.e2e.helpers import RUN_TIMEOUT_MS, open_app

UNKNOWN = {"antal ej publicerat", "okänd", "ingen uppgift om placeringar", "okänt"}
GREY = "#d9d9d9"

# Every chart's legends (labels paired with their symbols' fills by index: Vega draws them in two groups), its
# title, its text marks with their x position and weight, and whether any of that reaches past the chart's box.
READ_CHART = """el => {
  const box = el.getBoundingClientRect();
  const outside = t => {
    const r = t.getBoundingClientRect();
    return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
  };
  const legends = [...el.querySelectorAll('.role-legend')].map(g => ({
    labels: [...g.querySelectorAll('.role-legend-label text')].map(t => t.textContent),
    fills: [...g.querySelectorAll('.role-legend-symbol path')].map(p => p.getAttribute('fill'))}));
  const cut = [...el.querySelectorAll('.role-legend text, .role-title text')].filter(outside).map(t => t.textContent);
  const marks = [...el.querySelectorAll('.role-mark text')].map(t => ({
    text: t.textContent, x: t.getBoundingClientRect().x, bold: t.getAttribute('font-weight') === 'bold'}));
  return {title: el.querySelector('.role-title-text') ? el.querySelector('.role-title-text').textContent : '',
          legends, cut, marks};
}"""


def charts(page) -> dict[str, dict]:
    """The page's charts by title, read once every chart on it is drawn."""
    locator = page.locator('[data-testid="stVegaLiteChart"]')
    locator.first.wait_for(state="attached", timeout=RUN_TIMEOUT_MS)
    for chart in locator.all():
        chart.locator("svg .role-mark").first.wait_for(state="attached", timeout=RUN_TIMEOUT_MS)
    read = [chart.evaluate(READ_CHART) for chart in locator.all()]
    return {chart["title"]: chart for chart in read}


def by_title(drawn: dict[str, dict], start: str) -> dict:
    return next(chart for title, chart in drawn.items() if title.startswith(start))


def bold_labels(chart: dict) -> list[str]:
    return [mark["text"] for mark in sorted(chart["marks"], key=lambda mark: mark["x"]) if mark["bold"]]


def check_whole_and_grey(chart: dict) -> None:
    assert chart["legends"] and not chart["cut"], (chart["title"], chart["cut"])
    for legend in chart["legends"]:
        assert len(legend["labels"]) == len(legend["fills"])
        for label, fill in zip(legend["labels"], legend["fills"]):
            assert "…" not in label
            assert (fill.lower() == GREY) == (label in UNKNOWN), (chart["title"], label, fill)


@pytest.mark.parametrize("width", [1280, 390])
def test_charts_count_what_they_say_with_colours_that_mean_one_thing(browser, app_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="sv-SE",
                                  timezone_id="Europe/Stockholm")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    try:
        open_app(page, app_url, "/placeringar?from=2018-01-01&granularity=quarter")
        drawn = charts(page)
        placements = by_title(drawn, "Placeringar som källorna nämner")
        for chart in drawn.values():
            check_whole_and_grey(chart)
        # the documents' head count in every quarter it is about, '–' where none is; the placements never
        # reach it, and April–June 2020, with no placement mentioned, is a labelled grey band
        assert bold_labels(placements) == ["7–8"] * 4 + ["–", "–", "7", "–", "–", "7"]
        assert "ingen uppgift" in [mark["text"] for mark in placements["marks"]]
        # 7 areas, each lettered in the legend and on its bars: told apart without colour at 390 px too
        letters = {label[-2] for label in placements["legends"][0]["labels"] if label.endswith(")")}
        assert letters == set("ABCDEFG") and letters <= {mark["text"] for mark in placements["marks"]}

        open_app(page, app_url, "/")
        trend = by_title(charts(page), "Antal som källorna anger")
        check_whole_and_grey(trend)
        # a count per report: 2018 peer supporters, units, districts (at least two during the year, three from
        # September with Södermalm); June 2019 units, districts; August 2019 and June 2020 peer supporters
        assert bold_labels(trend) == ["7–8", "7", "minst2", "minst3", "5", "3", "7", "7"]

        open_app(page, app_url, "/enheter")
        units = by_title(charts(page), "Peer supportrar per enhet")
        check_whole_and_grey(units)
        assert "antal ej publicerat" in units["legends"][0]["labels"]

        open_app(page, app_url, "/finansiering")
        funding = by_title(charts(page), "Finansiering per period")
        check_whole_and_grey(funding)
        assert "romb" not in funding["title"]   # no decision date is published, so no diamond is promised
    finally:
        context.close()

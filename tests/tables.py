"""The tables a page shows, as frames of the strings a reader sees: `st.dataframe` grids, and the tables and record
lists `dashboard.html_table` lays out as text, read back from their HTML."""

from html.parser import HTMLParser

import pandas as pd

TEXT_LAYOUTS = ('class="peer-table"', 'class="peer-records"')
HEADERS, CELLS = {"th", "dt"}, {"td", "dd"}


def shown_tables(app) -> list[pd.DataFrame]:
    """Every table an AppTest run drew in its main area, in page order."""
    return [element.value if element.type == "dataframe" else read_html_table(element.value)
            for element in app.main
            if element.type == "dataframe"
            or element.type == "html" and any(layout in element.value for layout in TEXT_LAYOUTS)]


def read_html_table(body: str) -> pd.DataFrame:
    """A `html_table` table or record list as the frame of strings it was made from."""
    reader = _Reader()
    reader.feed(body)
    return pd.DataFrame(reader.rows, columns=reader.headers)


class _Reader(HTMLParser):
    """Headers from `<th>` (a record list: the first record's `<dt>`), a row per body `<tr>` or `<li>`, cells from
    `<td>`/`<dd>`."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "li" or tag == "tr" and self.headers:   # a table's head row comes before any header is read
            self.rows.append([])
        if tag in HEADERS | CELLS:
            self._text = []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag not in HEADERS | CELLS or self._text is None:
            return
        text, self._text = "".join(self._text), None
        if tag == "th" or tag == "dt" and len(self.rows) == 1:
            self.headers.append(text)
        elif tag in CELLS:
            self.rows[-1].append(text)

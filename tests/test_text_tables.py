"""Tables laid out as text (dashboard.html_table): every cell is text, wide tables become records, and the
estimate that decides it is computed as documented."""

import pandas as pd

from dashboard import html_table
from tests.tables import read_html_table

HOSTILE = ["<b>fet</b>", "**fet** [länk](https://example.org)", "1. första", "www.example.org", "a & \"b\" 'c'"]


def test_every_cell_is_text_never_markup_and_reads_back_as_given():
    frame = pd.DataFrame({"Id": ["R1-1", "R1-2", "R1-3", "R1-4", "R1-5"], "Text": HOSTILE})
    body = html_table.html_table(frame, "Tabell: prov")
    assert "<b>" not in body and "&lt;b&gt;fet&lt;/b&gt;" in body and "<a " not in body
    assert read_html_table(body).equals(frame)


def test_a_narrow_table_is_a_table_with_one_line_ids_and_right_aligned_numbers():
    frame = pd.DataFrame({"Id": ["R1-1"], "Rekommendation": ["Förtydliga ansvarsfördelningen."], "Antal": ["12"]})
    body = html_table.html_table(frame, "Tabell: prov", numeric=["Antal"])
    assert body.startswith('<div class="peer-table-region" role="region" tabindex="0" aria-label="Tabell: prov">')
    assert '<th scope="col">Id</th>' in body and '<th scope="col" class="number">Antal</th>' in body
    assert '<td class="one-line">R1-1</td>' in body and "<td>Förtydliga ansvarsfördelningen.</td>" in body
    assert '<td class="one-line number">12</td>' in body


def test_the_width_estimate_is_the_longest_word_of_each_column():
    frame = pd.DataFrame({"Id": ["R1-1"], "Text": ["ett två trettiotre"]})
    # Id: one line, 4 characters ("R1-1"); Text: 18 characters, so it wraps, its longest word "trettiotre" is 10
    assert html_table.min_width(frame, [True, False]) == (4 * 6.5 + 17) + (10 * 6.5 + 17)


def test_a_table_too_wide_for_1280_px_is_a_list_of_records_each_field_under_its_header():
    # 8 columns whose longest word is 16 characters: 8 × (16 × 6.5 + 17) = 968 px > 800 px
    frame = pd.DataFrame({f"Kolumn {i}": ["rekommendationer " * 5, "kort"] for i in range(8)})
    body = html_table.html_table(frame, "Tabell: bred", marked=[False, True])
    assert body.startswith('<ul class="peer-records" aria-label="Tabell: bred">')
    assert body.count("<li") == 2 and body.count('<li class="marked">') == 1
    assert body.count("<dt>Kolumn 0</dt>") == 2 and '<div class="long"><dt>' in body   # 85 characters: full width
    assert read_html_table(body).equals(frame)

"""Survey answers as shares with their intervals, and the supporters' gender as each source states it."""

import re

import altair as alt
import pandas as pd

from dashboard.base import formatting as fmt
from dashboard.charts import style
from dashboard.charts.rows import Rows, palette, two_part_label


@style.drawn
def survey_shares(frame: pd.DataFrame) -> alt.Chart:
    shown = frame[frame["share"].notna()]   # a suppressed or unpublished share has no point to draw
    data = shown.assign(
        grund=shown["basis"].map({"published": "publicerad", "microdata": "beräknad från svar"}),
        alternativ=[style.wrap(f"{_question_label(q)}: {o}") for q, o in zip(shown["question"], shown["option"])])
    rows = Rows.of("alternativ", data["alternativ"])
    base = alt.Chart(data).encode(y=rows.y())
    interval = base.mark_rule(strokeWidth=2, yOffset=rows.offset).encode(
        x=alt.X("ci_low:Q", title="Andel av svarande (95 % konfidensintervall)",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        x2="ci_high:Q")
    points = base.mark_point(size=90, filled=True, opacity=1, stroke=style.OUTLINE, strokeWidth=1,
                             yOffset=rows.offset).encode(
        x="share:Q",
        shape=alt.Shape("grund:N", title="Grund"),
        color=alt.Color("grund:N", title="Grund", scale=palette(["publicerad", "beräknad från svar"])),
        tooltip=[alt.Tooltip("question:N", title="Fråga"), alt.Tooltip("option:N", title="Svarsalternativ"),
                 alt.Tooltip("share:Q", title="Andel", format=".0%"),
                 alt.Tooltip("ci_low:Q", title="KI nedre", format=".0%"),
                 alt.Tooltip("ci_high:Q", title="KI övre", format=".0%"),
                 alt.Tooltip("respondents:Q", title="N"), alt.Tooltip("grund:N", title="Grund")],
    )
    return style.finish((interval + points + rows.labels(base, "alternativ")).properties(height=rows.step),
                   "Andel per svarsalternativ")


def _question_label(question: str) -> str:
    """'Fråga 2' for '2. Anledningen till …'; the question itself where it has no number ('Jag definierar mig
    som')."""
    number = re.match(r"(\d+)\.", question)
    return f"Fråga {number.group(1)}" if number else question.rstrip(": ")


GENDERS = {"kvinna": ("kvinna", "kvinnor"), "man": ("man", "män"), "annat": ("annat", "annat"),
           "okänt": ("okänt kön", "okänt kön")}


@style.drawn
def gender_by_source(frame: pd.DataFrame) -> alt.Chart:
    """Each source's count by gender as one bar; the row's label says the counts in words ('6 kvinnor, 2 män'),
    so no segment is told by its colour alone; unknown gender is grey."""
    data = frame.assign(uppgift=frame["source"] + " " + frame["observed_on"].astype(str) + " (" + frame["scope"] + ")")
    words: dict[str, list[str]] = {}
    for source, gender, count in zip(data["uppgift"], data["gender"], data["supporters"]):
        words.setdefault(source, []).append(f"{fmt.number(count)} {GENDERS.get(gender, (gender, gender))[count != 1]}")
    labels = pd.DataFrame({"uppgift": list(words),
                           "etikett": [two_part_label(f"{source}:", ", ".join(counts)) for source, counts in words.items()]})
    rows = Rows.of("uppgift", labels["etikett"])
    bars = alt.Chart(data).encode(y=rows.y()).mark_bar(**rows.bar()).encode(
        x=alt.X("supporters:Q", title="Personer", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("gender:N", title="Kön", scale=palette(list(GENDERS), ("okänt",))),
        strokeDash=style.dashed_where("gender", ["okänt"]),
        tooltip=[alt.Tooltip("uppgift:N", title="Källa"), alt.Tooltip("gender:N", title="Kön"),
                 alt.Tooltip("supporters:Q", title="Personer"), alt.Tooltip("stated_total:Q", title="Angiven summa")],
    )
    text = rows.labels(alt.Chart(labels), "etikett")   # one label a source, not one a gender
    return style.finish((bars + text).properties(height=rows.step), "Peer supportrar efter kön, per källa")

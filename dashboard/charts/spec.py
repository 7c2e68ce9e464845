"""An Altair chart as the Vega-Lite spec the browser draws, made once per chart and not validated: Altair checks a
spec against the Vega-Lite JSON schema whenever it writes one, which was half of a page's rerun when Streamlit
wrote the same cached chart on every run, and most of a filter change to data not seen before. What a chart
function builds has the same structure whatever its rows, and tests/test_charts.py validates every chart function's
spec. The chart's data stay data frames under `datasets` (Streamlit sends them as Arrow)."""

import contextlib
import threading

import altair as alt
import pandas as pd

# Altair's theme and data transformer are process-wide: one conversion at a time.
_CONVERTING = threading.Lock()


def _frames_by_name(data, frames: dict) -> dict:
    name = f"data-{len(frames)}"
    frames[name] = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    return {"name": name}


alt.data_transformers.register("frames_by_name", _frames_by_name)


def is_chart(view) -> bool:
    return isinstance(view, alt.TopLevelMixin)


def vega_lite(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec with its data frames under `datasets`; without Altair's default
    theme (its fixed width and height), as Streamlit draws a chart."""
    frames: dict[str, pd.DataFrame] = {}
    with _CONVERTING:
        theme = alt.theme.enable("none") if alt.theme.active == "default" else contextlib.nullcontext()
        with theme, alt.data_transformers.enable("frames_by_name", frames=frames):
            spec = chart.to_dict(validate=False)
    return {**spec, "datasets": {**spec.get("datasets", {}), **frames}}

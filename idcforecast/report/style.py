"""The house style of charts, applied inside a context (global rcParams are never changed).

Examples
--------
>>> from idcforecast.report.style import house_style, new_figure
>>> with house_style():
...     fig, ax = new_figure()
>>> float(fig.get_figwidth())
7.0
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from idcforecast.report.fonts import without_cjk

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "COLORS",
    "FIGSIZE",
    "FIGURE_TEXT_X",
    "HOUSE_RC",
    "add_footnote",
    "full_stop",
    "house_style",
    "new_figure",
    "unit_label",
    "wrap_title",
]

# Colour-blind-safe (Okabe-Ito based); "history" is near-black so actuals stand out.
COLORS: dict[str, str] = {
    "history": "#1b1b1b",
    "derived": "#7f7f7f",
    "forecast": "#0072b2",
    "band80": "#56b4e9",
    "band95": "#cfe8f7",
    "growth": "#009e73",
    "cagr": "#d55e00",
    "claim": "#cc79a7",
    "miss": "#d55e00",
    "hit": "#009e73",
    "grid": "#dddddd",
}
# Okabe-Ito's sky blue sixth; past six, the colours repeat with another dash pattern
# (SCENARIO_DASHES): a sixth scenario was drawn in the base case's blue and dashes
SCENARIO_COLORS: tuple[str, ...] = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
)
SCENARIO_DASHES: tuple[str, ...] = ("--", ":", "-.")
FIGSIZE: tuple[float, float] = (7.0, 3.6)
FOOTNOTE_SIZE = 6.5
# where figure-wide text (a footnote, a figure title) starts, as a fraction of the figure
# width: the page's text starts 1 mm (fpdf2's cell margin) right of the 18 mm margin the
# chart is placed at, 1 / 174 = 0.0057 of the text width; a title at 0 sat left of it
FIGURE_TEXT_X = 0.005
TITLE_SIZE = 11.0
# room a left-aligned axes title loses to the value axis (tick labels and the unit label)
_AXIS_ROOM_PT = 50.0

HOUSE_RC: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    # explicit near-black: matplotlib omits a pure-black fill from SVG text, and the PDF
    # would then draw the text in whatever fill colour came before
    "text.color": "#1b1b1b",
    "axes.labelcolor": "#1b1b1b",
    "axes.titlecolor": "#1b1b1b",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "xtick.labelcolor": "#1b1b1b",
    "ytick.labelcolor": "#1b1b1b",
    "font.size": 9.0,
    "axes.titlesize": TITLE_SIZE,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": COLORS["grid"],
    "grid.linewidth": 0.6,
    "axes.edgecolor": "#444444",
    "xtick.labelsize": 8.0,
    "ytick.labelsize": 8.0,
    "legend.fontsize": 8.0,
    "legend.frameon": False,
    "lines.linewidth": 1.8,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    # SVG for the PDF: real <text> (extractable, drawn with the PDF's DejaVu Sans), and
    # ids from a fixed salt so the same chart gives the same bytes.
    "svg.fonttype": "none",
    "svg.hashsalt": "idcforecast",
    "pdf.fonttype": 42,
}

_MAGNITUDES = {
    "thousand": "thousand",
    "10k": "10 thousand",
    "100k": "100 thousand",
    "mn": "million",
    "10m": "10 million",
    "100m": "100 million",
    "bn": "billion",
    "10bn": "10 billion",
    "100bn": "100 billion",
    "tn": "trillion",
}


@contextmanager
def house_style() -> Iterator[None]:
    """Apply the house style to figures created inside the ``with`` block.

    Matplotlib reads most rcParams when an artist is created, so build and save figures
    inside the block; the previous settings come back afterwards.

    Examples
    --------
    >>> import matplotlib
    >>> before = matplotlib.rcParams["svg.fonttype"]
    >>> with house_style():
    ...     matplotlib.rcParams["svg.fonttype"]
    'none'
    >>> matplotlib.rcParams["svg.fonttype"] == before
    True
    """
    import matplotlib

    with matplotlib.rc_context(cast(Any, HOUSE_RC)):
        yield


def new_figure(*, ncols: int = 1, figsize: tuple[float, float] = FIGSIZE) -> tuple[Figure, Any]:
    """A Figure (not registered with pyplot, so nothing leaks) and its axes.

    Call inside :func:`house_style`. Returns ``(fig, ax)`` or ``(fig, axes_array)``.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(ncols=ncols)
    return fig, axes


def unit_label(unit: str) -> str:
    """A readable axis label for a canonical unit spelling.

    A currency keeps its code first, as amounts are quoted ("CNY 100 million"); any other
    unit reads as a count of it ("10 thousand racks"), and a plain count as the magnitude,
    or "number" without one, as the tables' "Number" column (the headline card and the
    chart axis said "count", a unit no reader has).

    Examples
    --------
    >>> unit_label("CNY 100m"), unit_label("USD bn")
    ('CNY 100 million', 'USD billion')
    >>> unit_label("racks 10k"), unit_label("kWh 100m"), unit_label("count thousand")
    ('10 thousand racks', '100 million kWh', 'thousand')
    >>> unit_label("%"), unit_label("TWh"), unit_label("MW"), unit_label("count")
    ('percent', 'TWh', 'MW', 'number')
    """
    from idcforecast.units import known_units

    unit = without_cjk(unit.strip(), placeholder=unit.strip())
    if unit == "%":
        return "percent"
    if unit == "count":
        return "number"
    match = re.fullmatch(r"(\S+) (\S+)", unit)
    if match and match.group(2) in _MAGNITUDES:
        base, magnitude = match.group(1), _MAGNITUDES[match.group(2)]
        if known_units().get(base) == "money":
            return f"{base} {magnitude}"
        return magnitude if base == "count" else f"{magnitude} {base}"
    return unit


def unit_heading(unit: str) -> str:
    """The unit as a heading, an axis or "in ..." names it: :func:`unit_label`, but a plain
    count in a magnitude is the plural ("in millions", "Number (millions)"), where a figure
    keeps the singular ("6.93 million"). The cover said "in million", the table
    "Number (million)" and the chart axis "million", beside "6.93 million" in the headline.

    Examples
    --------
    >>> unit_heading("count mn"), unit_heading("count thousand"), unit_heading("count 10k")
    ('millions', 'thousands', 'units of 10 thousand')
    >>> unit_heading("CNY 100m"), unit_heading("racks 10k"), unit_heading("count")
    ('CNY 100 million', '10 thousand racks', 'number')
    """
    magnitude = re.fullmatch(r"count (\S+)", unit.strip())
    if magnitude and magnitude.group(1) in _MAGNITUDES:
        word = _MAGNITUDES[magnitude.group(1)]
        return f"units of {word}" if " " in word else f"{word}s"
    return unit_label(unit)


_MONEY_IN_TEXT = re.compile(r"\b([A-Z]{3}) (thousand|10k|100k|mn|10m|100m|bn|10bn|100bn|tn)\b")


def money_units_spelled_out(text: str) -> str:
    """``text`` with each canonical money unit in it as the report's tables spell it:
    "CNY 100m" -> "CNY 100 million", "USD bn" -> "USD billion" (:func:`unit_label`). The
    claims checks write canonical units ("level 1,562.5 CNY 100m in 2019"), which the
    report's Claims table printed beside "CNY 100 million" in every other table.

    Examples
    --------
    >>> money_units_spelled_out("level > 3,200.5 CNY 100m in 2022; from USD bn at its rate")
    'level > 3,200.5 CNY 100 million in 2022; from USD billion at its rate'
    >>> money_units_spelled_out("racks 10k, ABC 10k (no currency), 5 TWh")
    'racks 10k, ABC 10k (no currency), 5 TWh'
    """
    from idcforecast.units import known_units

    units = known_units()

    def spelled(match: re.Match[str]) -> str:
        if units.get(match.group(1)) != "money":
            return match.group(0)
        return unit_label(match.group(0))

    return _MONEY_IN_TEXT.sub(spelled, text)


def value_header(unit: str) -> str:
    """The header of a table column of levels: "Value (CNY 100 million)"; for a plain
    count "Number" ("Value (count)" named no unit and said nothing), "Number (thousand)"
    for one in thousands (:func:`unit_heading`); "Value" without a unit.

    Examples
    --------
    >>> value_header("CNY 100m"), value_header("count"), value_header("count thousand")
    ('Value (CNY 100 million)', 'Number', 'Number (thousands)')
    """
    unit = unit.strip()
    if not unit:
        return "Value"
    if unit == "count":
        return "Number"
    magnitude = re.fullmatch(r"count (\S+)", unit)
    if magnitude and magnitude.group(1) in _MAGNITUDES:
        return f"Number ({unit_heading(unit)})"
    return f"Value ({unit_label(unit)})"


def add_footnote(fig: Figure, text: str) -> None:
    """Put a source footnote under the axes of ``fig`` (CJK dropped: DejaVu lacks it).

    The text ends with a full stop, as every chart note does (the growth chart's ended
    "... (see Sources)" while the others ended "."), is wrapped to the figure width, and
    the constrained layout keeps the axes clear of it.
    """
    import textwrap

    clean = full_stop(without_cjk(text, placeholder="Chinese-language source"))
    width_in = fig.get_figwidth()
    lines = textwrap.wrap(clean, width=max(40, int(width_in * 72 / (0.56 * FOOTNOTE_SIZE))))
    fig.text(
        FIGURE_TEXT_X,
        0.01,
        "\n".join(lines),
        fontsize=FOOTNOTE_SIZE,
        color="#555555",
        ha="left",
        va="bottom",
    )
    height = (len(lines) * 1.25 * FOOTNOTE_SIZE + 6) / (fig.get_figheight() * 72)
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0.0, height, 1.0, 1.0 - height))


def full_stop(text: str) -> str:
    """``text`` ending as a sentence does: a full stop added unless it ends with one (or
    with "?" or "!"); trailing spaces dropped, and an empty text stays empty.

    Examples
    --------
    >>> full_stop("Source: IEA (see Sources)"), full_stop("Rolling origin, 5 cutoffs. ")
    ('Source: IEA (see Sources).', 'Rolling origin, 5 cutoffs.')
    >>> full_stop("")
    ''
    """
    text = text.rstrip()
    return text + "." if text and text[-1] not in ".?!" else text


def wrap_title(text: str, *, width: float, size: float = TITLE_SIZE) -> str:
    """``text`` broken at spaces into lines no wider than ``width`` points in the bold
    house font (a long report title ran off the chart, cut at the figure's edge).

    Examples
    --------
    >>> wrap_title("China IDC market: forecast", width=400)
    'China IDC market: forecast'
    >>> print(wrap_title("China IDC market (CIDC overall scope): forecast", width=150))
    China IDC market (CIDC
    overall scope): forecast
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    font = FontProperties(family=HOUSE_RC["font.family"], weight="bold", size=size)

    def measure(line: str) -> float:
        return float(text_to_path.get_text_width_height_descent(line, font, ismath=False)[0])

    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def style_axes(ax: Axes, *, ylabel: str, title: str) -> None:
    """Title (wrapped to the room right of the value axis) and y label (the unit) in the
    house way."""
    from matplotlib.figure import Figure

    fig = ax.get_figure()
    room = (fig.get_figwidth() if isinstance(fig, Figure) else FIGSIZE[0]) * 72.0
    spec = ax.get_subplotspec()
    if spec is not None:  # one column of a grid gets its share of the width
        room *= len(spec.colspan) / spec.get_gridspec().ncols
    ax.set_title(wrap_title(title, width=room - _AXIS_ROOM_PT))
    ax.set_ylabel(ylabel)
    ax.margins(x=0.02)

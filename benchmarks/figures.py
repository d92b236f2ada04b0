"""How fast ``find_figures`` reads an article: characters per second on news-like text.

The text is the bundled data's source quotes (English and Chinese sentences quoted from
the articles behind ``data/``) plus notebook 05's seed article, repeated until it is
``--chars`` long, so that the mix of figures, years and prose is that of real IDC news.
Prints the best of ``--repeats`` runs for each length (the scan is meant to be linear).

Run from the repository root (package installed, or with ``PYTHONPATH=.``):
``python benchmarks/figures.py [--chars 15000 100000] [--repeats 3]``
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from idcforecast import find_figures

REPO = Path(__file__).resolve().parent.parent
SEED = (
    "China's IDC market will grow at compound rate of 27.8 percent from 2020-22, and the "
    "scale will reach 320 billion yuan in 2022. Tencent will invest 500 billion yuan "
    "($71.2 billion) over the next five years; its new cluster will house more than 1 "
    "million servers. "
)


def article(chars: int) -> str:
    """News-like text of at least ``chars`` characters (whole sentences)."""
    quotes = [SEED]
    for path in sorted((REPO / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                quote = (row.get("quote") or "").strip()
                if quote:
                    end = "" if quote.endswith(("。", ".")) else "." if quote.isascii() else "。"
                    quotes.append(quote + end + " ")
    text = ""
    while len(text) < chars:
        text += "".join(quotes)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, nargs="+", default=[15_000, 100_000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    find_figures(SEED)  # imports and the unit registry, paid once per session
    print("characters | figures | best seconds | characters per second")
    for chars in args.chars:
        text = article(chars)
        best, found = float("inf"), 0
        for _ in range(args.repeats):
            start = time.perf_counter()
            found = len(find_figures(text))
            best = min(best, time.perf_counter() - start)
        print(f"{len(text):,} | {found:,} | {best:.2f} | {len(text) / best:,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Words at the start or end of a figure, as one regex alternation, and a quick search
for one at the end (:class:`EndWords`): qualifiers, growth words and "or more" after the
number, as :mod:`idcforecast.units.parse` strips them."""

from __future__ import annotations

import re

__all__ = ["EndWords", "alternation"]


def alternation(words: list[str], *, at_start: bool) -> str:
    # longest first; a Latin word must not run into a Latin letter ("over" is not "overall")
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word)
        if at_start and word[-1].isascii() and word[-1].isalpha():
            escaped += "(?![a-z])"
        if not at_start and word[0].isascii() and word[0].isalpha():
            escaped = "(?<![a-z])" + escaped
        parts.append(escaped)
    return "|".join(parts)


class EndWords:
    """``\\s*(?:word|word...)$``: one of ``words`` at the end of a text, with the spaces
    before it. :meth:`search` gives ``re.search``'s match (its leftmost start) but tries
    only the last ``len(longest word)`` positions, then takes in the spaces before: a
    pattern anchored at the end, searched from the start, was the largest single cost of
    ``find_figures`` (every candidate stretch is parsed)."""

    def __init__(self, words: list[str]) -> None:
        self.pattern = re.compile(rf"\s*(?:{alternation(words, at_start=False)})$", re.IGNORECASE)
        self.longest = max(map(len, words))
        # the last two characters of the longer words, the last of the one-character ones:
        # a text that ends in none of them ends in no word (most figures: "亿元", "bn")
        self.tails = {word.lower()[-2:] for word in words if len(word) > 1}
        self.lasts = {word.lower() for word in words if len(word) == 1}

    def _may_end_in_a_word(self, text: str) -> bool:
        ends = text[-3:].lower()
        ends = ends[:-1] if ends.endswith("\n") else ends  # "$" matches before a final "\n"
        return ends[-2:] in self.tails or ends[-1:] in self.lasts

    def search(self, text: str) -> re.Match[str] | None:
        if not self._may_end_in_a_word(text):
            return None
        # (one more position: "$" also matches before a final newline)
        match = self.pattern.search(text, max(0, len(text) - self.longest - 1))
        if match is None:
            return None
        start = match.start()
        while start > 0 and text[start - 1].isspace():
            start -= 1
        # the same match as a search from 0 (lookbehinds see before pos)
        return match if start == match.start() else self.pattern.match(text, start)

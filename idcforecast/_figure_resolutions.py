"""Display resolutions ("4K video", "8K TV", "streams in 4K."): no figure of 4,000, though
"8K employees" is 8 thousand. :mod:`idcforecast.text_figures` asks :func:`a_resolution`.
"""

from __future__ import annotations

import re

__all__ = ["a_resolution"]

# a display resolution before a word of video ("4K video", "8K TV", "4K视频", "4K/8K
# content"); before other words K is a thousand ("8K employees", "10K servers")
_RESOLUTION = re.compile(r"(?:2|4|5|6|8|10|12|16)K")
_VIDEO_AFTER = re.compile(
    r"(?:\s*/\s*(?:2|4|5|6|8|10|12|16)K)?(?:\s+|-)(?:videos?|TVs?|televisions?|displays?|"
    r"resolutions?|screens?|monitors?|cameras?|content|streams?|streaming|footage|UHD|HDR|"
    r"OLED|LCD|panels?|projectors?|gaming|games?|movies?|films?|broadcasts?|broadcasting|"
    r"Ultra|playback|encoding|transcoding|capture|recording|cinema|images?|imaging|graphics|"
    r"VR|HDMI|live|sets?)\b"
    r"|(?:\s*/\s*(?:2|4|5|6|8|10|12|16)K)?\s*(?:视频|視頻|电视|電視|超高清|高清|直播|屏|显示|顯示|"
    r"分辨率|摄像|攝像|内容|內容|影像|画质|畫質|电影|電影|片源|节目|節目)"
    r"|\s*/\s*(?:2|4|5|6|8|10|12|16)K\b"
    # another resolution in lines: "4K/1080P视频", "4K and 1080p streams"
    r"|\s*(?:/|,|and|or|和|及|或)\s*(?:480|576|720|1080|1440|2160|4320)[pi](?![A-Za-z0-9])",
    re.IGNORECASE,
)

# with no word after it (a clause's end), a resolution named by what came before: "streams
# in 4K.", "shot in 8K", "8K/4K." ("hired 4K.", "grew to 8K." stay thousands)
_VIDEO_BEFORE = re.compile(
    r"(?:\b(?:in|shoots?|shot|shooting|films?|filmed|filming|records?|recorded|recording|"
    r"streams?|streamed|streaming|supports?|supported|supporting)\s+"
    r"|\b(?:2|4|5|6|8|10|12|16)K\s*/\s*)$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]。，；：！？）]|$)")


def a_resolution(scan: str, start: int, end: int) -> bool:
    """Whether the figure "4K" at ``scan[start:end]`` is a display's resolution: a word of
    video after it ("4K video", "4K视频", "4K/8K content", "4K/1080P"), or, ending a clause, a word
    that names one before it ("streams in 4K.", "8K/4K.")."""
    if not _RESOLUTION.fullmatch(scan, start, end):
        return False
    if _VIDEO_AFTER.match(scan, end):
        return True
    return bool(
        _CLAUSE_END.match(scan, end) and _VIDEO_BEFORE.search(scan, max(0, start - 16), start)
    )

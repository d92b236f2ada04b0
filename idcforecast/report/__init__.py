"""Reports: charts, summary tables, Excel export and the PDF report (``idcforecast report``).

Modules: :mod:`~idcforecast.report.style` (house style, in a context),
:mod:`~idcforecast.report.charts`, :mod:`~idcforecast.report.tables`,
:mod:`~idcforecast.report.excel` (``to_excel``),
:mod:`~idcforecast.report.pdf` (the PDF writer), :mod:`~idcforecast.report.sections` (one
function per report section, in modules by topic; their order in ``SECTIONS``) and
:mod:`~idcforecast.report.build` (``build_report``).
Importing this package loads nothing heavy; the public names are in ``idcforecast``.
"""

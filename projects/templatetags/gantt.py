"""{% gantt chart chart_id=… label=… for_print=… paper=… %}: the masterplan's SVG drawing (projects.gantt) in a
page or a PDF."""

from django import template
from django.utils.safestring import SafeString

from projects.gantt import gantt_html
from projects.timeline import Masterplan

register = template.Library()


@register.simple_tag
def gantt(
    chart: Masterplan,
    *,
    chart_id: str,
    label: str,
    area_headings: bool = True,
    for_print: bool = False,
    paper: str = "A4",
) -> SafeString:
    return gantt_html(
        chart, chart_id=chart_id, label=str(label), area_headings=area_headings, for_print=for_print, paper=paper
    )

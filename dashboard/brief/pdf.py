"""The brief as an accessible A4 PDF (PDF/UA-1): WeasyPrint prints the semantic HTML with a structure tree, the
document language, the title, bookmarks from the headings, embedded fonts and vector charts."""

from dashboard.brief.html import brief_html
from dashboard.brief.pack import Brief


class PdfUnavailable(RuntimeError):
    """WeasyPrint needs Pango from the operating system; the message says how to install it."""


def brief_pdf(brief: Brief) -> bytes:
    try:
        from weasyprint import HTML
    except OSError as error:   # the library is there but Pango is not
        raise PdfUnavailable("PDF kräver Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
                             f"(Markdown fungerar utan). {error}") from None
    return HTML(string=brief_html(brief)).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True,
                                                    metadata={"title": brief.title})

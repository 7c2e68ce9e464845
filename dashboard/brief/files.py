"""The board pack's files, one per format, all walked from the same document (no Streamlit)."""

from dashboard.brief.pack import Brief

FORMATS = (".pdf", ".html", ".docx", ".md")
MEDIA_TYPES = {".pdf": "application/pdf", ".html": "text/html",
               ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               ".md": "text/markdown"}


def brief_file(brief: Brief, suffix: str) -> bytes:
    if suffix == ".pdf":
        from dashboard.brief.pdf import brief_pdf
        return brief_pdf(brief)
    if suffix == ".html":
        from dashboard.brief.html import brief_html
        return brief_html(brief, screen=True).encode("utf-8")
    if suffix == ".docx":
        from dashboard.brief.docx import brief_docx
        return brief_docx(brief.title, brief.document())
    if suffix == ".md":
        from dashboard.brief.markdown import brief_markdown
        return brief_markdown(brief).encode("utf-8")
    raise ValueError(suffix)

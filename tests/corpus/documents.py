"""Word documents the import tests write.

A .docx is a zip archive of XML parts (ECMA-376, «Office Open XML»). :func:`save_docx`
writes the parts Word itself writes for a document of text (the content types, the
package's relationships, the body and the core properties), with the markup Word puts
around the text of a right-to-left Arabic document: revision ids, right-to-left paragraph
and run properties, Arabic as the complex-script language, proofing marks and bookmarks.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_W = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14"'
)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/></Types>'
)

_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{main}"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)

#: the styles of a title and of a first-level heading as an Arabic Word writes them: the
#: ids are Word's own for its Arabic names, the names are in English
ARABIC_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f"<w:styles {_W}>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    "<w:qFormat/><w:pPr><w:bidi/></w:pPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="1Char"/><w:qFormat/>'
    '<w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/>'
    '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/></w:style>'
    "</w:styles>"
)


def run(text: str) -> str:
    """A run of Arabic text as Word writes it: right to left, Arabic its language."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return (
        '<w:r w:rsidRPr="00A1B2C3"><w:rPr><w:rFonts w:hint="cs"/><w:rtl/>'
        f'<w:lang w:bidi="ar-SA"/></w:rPr><w:t{space}>{text}</w:t></w:r>'
    )


def paragraph(*content: str, style: str | None = None) -> str:
    """A right-to-left paragraph of these runs (and other content), in ``style``."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6"><w:pPr>{props}<w:bidi/>'
        f'<w:jc w:val="both"/></w:pPr>{"".join(content)}</w:p>'
    )


def save_docx(
    path: Path,
    body: list[str],
    title: str = "",
    *,
    styles: str | None = None,
    main: str = "word/document.xml",
) -> None:
    """A Word document whose body is these paragraphs (and tables); ``title`` is the
    one in its properties, ``styles`` its styles part, ``main`` the name of its main
    part (Word Online writes ``word/document2.xml``)."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {_W}><w:body>{''.join(body)}"
        '<w:sectPr w:rsidR="00D4E5F6"><w:pgSz w:w="11906" w:h="16838"/><w:bidi/>'
        "</w:sectPr></w:body></w:document>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>محلل</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T09:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS.format(main=main))
        z.writestr(main, document)
        if styles is not None:
            z.writestr("word/styles.xml", styles)
        z.writestr("docProps/core.xml", core)

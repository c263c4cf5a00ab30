#!/usr/bin/env python3
"""Writes Portaali's built-in offer template, Portaali.Core/Offers/OfferTemplate.docx (embedded in Portaali.Core).

usage: tools/make_offer_template.py

The template is plain WordprocessingML written here so that its source can be read and reviewed; administrators who want
another look download it on Ylläpito › Tarjouspohja, edit it in Word or LibreOffice and upload it back. Placeholders and
their meaning: docs/offers.md ("Offer document and attachments").
"""
import os
import zipfile
from xml.sax.saxutils import escape

OUT = os.path.join(os.path.dirname(__file__), "..", "Portaali.Core", "Offers", "OfferTemplate.docx")
ACCENT = "1F4E79"
GREY = "595959"
LIGHT = "DCE6F0"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text, bold=False, size=None, color=None, italic=False):
    props = ""
    if bold: props += "<w:b/>"
    if italic: props += "<w:i/>"
    if color: props += f'<w:color w:val="{color}"/>'
    if size: props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs, style=None, align=None, after=None, before=None, keep=False, border_top=False, border_bottom=False):
    props = ""
    if style: props += f'<w:pStyle w:val="{style}"/>'
    if keep: props += "<w:keepNext/>"
    if border_top or border_bottom:
        props += "<w:pBdr>"
        if border_top: props += f'<w:top w:val="single" w:sz="6" w:space="4" w:color="{ACCENT}"/>'
        if border_bottom: props += f'<w:bottom w:val="single" w:sz="12" w:space="4" w:color="{ACCENT}"/>'
        props += "</w:pBdr>"
    if after is not None or before is not None:
        props += f'<w:spacing w:before="{before or 0}" w:after="{after if after is not None else 120}"/>'
    if align: props += f'<w:jc w:val="{align}"/>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def cell(width, *paragraphs, shade=None, valign=None, borders=None):
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if borders: props += f"<w:tcBorders>{borders}</w:tcBorders>"
    if shade: props += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if valign: props += f'<w:vAlign w:val="{valign}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs) or para()}</w:tc>"


def row(*cells, header=False, cant_split=True):
    props = ""
    if cant_split: props += "<w:cantSplit/>"
    if header: props += "<w:tblHeader/>"
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def table(widths, *rows, borders="none", align=None):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    if borders == "none":
        b = "".join(f'<w:{s} w:val="nil"/>' for s in ["top", "left", "bottom", "right", "insideH", "insideV"])
    else:
        b = (f'<w:top w:val="single" w:sz="8" w:color="{ACCENT}"/><w:left w:val="nil"/>'
             f'<w:bottom w:val="single" w:sz="8" w:color="{ACCENT}"/><w:right w:val="nil"/>'
             f'<w:insideH w:val="single" w:sz="4" w:color="BFBFBF"/><w:insideV w:val="nil"/>')
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{jc}<w:tblBorders>{b}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def label(text):
    return run(text, bold=True, size=16, color=GREY)


# ---- the header: the college's letterhead, the offer's number, date and validity -----------------------------------
header_table = table([5800, 3838], row(
    cell(5800,
         para(run("{{College.Name}}", bold=True, size=32, color=ACCENT), after=40),
         para(run("{{College.Address}}", size=18, color=GREY), after=0)),
    cell(3838,
         para(run("TARJOUS", bold=True, size=32, color=ACCENT), align="right", after=40),
         para(run("Nro ", size=18, color=GREY), run("{{Offer.Number}}", bold=True, size=18), align="right", after=0),
         para(run("Päiväys ", size=18, color=GREY), run("{{Offer.Date}}", size=18), align="right", after=0),
         para(run("Voimassa ", size=18, color=GREY), run("{{Offer.ValidUntil}}", size=18), run(" asti", size=18, color=GREY),
              align="right", after=0)),
))
header = f'<w:hdr {W}>{header_table}{para(border_bottom=True, after=0)}</w:hdr>'

footer = (f'<w:ftr {W}>' + para(run("{{College.Name}}", bold=True, size=16, color=GREY), border_top=True, align="center", after=0)
          + para(run("Y-tunnus {{College.BusinessId}}", size=16, color=GREY), align="center", after=0)
          + para(run("{{College.Contacts}}", size=16, color=GREY), align="center", after=0)
          + "</w:ftr>")

# ---- the body ---------------------------------------------------------------------------------------------------------
parties = table([4819, 4819], row(
    cell(4819,
         para(label("ASIAKAS"), after=40),
         para(run("{{Customer.Name}}", bold=True), after=0),
         para(run("Y-tunnus {{Customer.BusinessId}}"), after=0),
         para(run("{{Customer.Address}}"), after=0)),
    cell(4819,
         para(label("YHTEYSHENKILÖ"), after=40),
         para(run("{{Contact.Name}}", bold=True), after=0),
         para(run("{{Contact.Title}}"), after=0),
         para(run("{{Contact.Email}}"), after=0),
         para(run("{{Contact.Phone}}"), after=0)),
))


def info_row(name, *values):
    return row(cell(2600, para(label(name), after=0)), cell(7038, *[para(run(v), after=0) for v in values]))


details = table([2600, 7038],
                info_row("KOULUTUSMUOTO", "{{Offer.Type}}"),
                info_row("ASIAKKAAN VIITE", "{{Offer.CustomerReference}}"),
                info_row("YHTEYSHENKILÖMME", "{{AccountManager.Name}}", "{{AccountManager.Email}}"),
                info_row("SISÄLTÖVASTAAVAT", "{{Offer.Responsibles}}"))

WIDTHS = [450, 3688, 800, 1500, 1000, 2200]


def head_cell(i, text, align=None):
    return cell(WIDTHS[i], para(run(text, bold=True, size=18, color="FFFFFF"), align=align, after=0, before=0), shade=ACCENT, valign="center")


def line_cell(i, *runs, align=None):
    return cell(WIDTHS[i], para(*runs, align=align, after=40, before=40))


lines = table(WIDTHS,
              row(head_cell(0, "#"), head_cell(1, "Koulutus"), head_cell(2, "Määrä", "right"),
                  head_cell(3, "Yksikköhinta", "right"), head_cell(4, "ALV", "right"), head_cell(5, "Yhteensä (veroton)", "right"),
                  header=True),
              row(line_cell(0, run("{{Line.Number}}", color=GREY)),
                  cell(WIDTHS[1], para(run("{{Line.Description}}"), after=0, before=40),
                       para(run("Osallistujia {{Line.Participants}}", size=16, color=GREY), after=40)),
                  line_cell(2, run("{{Line.Quantity}}"), align="right"),
                  line_cell(3, run("{{Line.UnitPrice}}"), align="right"),
                  line_cell(4, run("{{Line.VatRate}}"), align="right"),
                  line_cell(5, run("{{Line.ExVat}}"), align="right")),
              borders="lines")


def total_row(name, value, strong=False):
    top = f'<w:top w:val="single" w:sz="8" w:color="{ACCENT}"/>' if strong else None
    return row(cell(2700, para(run(name, bold=strong), after=40, before=40), borders=top),
               cell(1900, para(run(value, bold=strong), align="right", after=40, before=40), borders=top))


totals = table([2700, 1900],
               total_row("Veroton hinta yhteensä", "{{Totals.ExVat}}"),
               total_row("Arvonlisävero", "{{Totals.Vat}}"),
               total_row("Yhteensä", "{{Totals.Total}}", strong=True),
               align="right")

body = "".join([
    parties,
    para(after=120),
    para(run("{{Offer.Title}}"), style="Title"),
    details,
    para(after=120),
    lines,
    para(after=60),
    totals,
    para(run("{{VatFreeNote}}", italic=True, size=18, color=GREY), align="right", before=60),
    para(run("Lisätiedot", bold=True), run("\n"), run("{{Offer.Notes}}"), before=240),
    para(run("Tarjous on voimassa {{Offer.ValidUntil}} asti. Vastaamme mielellämme tarjousta koskeviin kysymyksiin."), before=240),
    para(run("Ystävällisin terveisin"), before=240, after=0),
    para(run("{{AccountManager.Name}}", bold=True), after=0),
    para(run("{{College.Name}}"), after=0),
])
# A "\n" inside w:t is not a line break in Word: the notes' heading gets a real one.
body = body.replace('<w:r><w:t xml:space="preserve">\n</w:t></w:r>', "<w:r><w:br/></w:r>")

section = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>'
           '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
           'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}{section}</w:body></w:document>'

styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>
<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="fi-FI"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:spacing w:before="120" w:after="200"/></w:pPr><w:rPr><w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>'''

settings = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="709"/>
<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'''

content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>'''

package_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>'''

document_rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>'''

core = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Tarjous</dc:title><dc:creator>Portaali</dc:creator><dc:language>fi-FI</dc:language></cp:coreProperties>'''

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
parts = {
    "[Content_Types].xml": content_types,
    "_rels/.rels": package_rels,
    "docProps/core.xml": core,
    "word/document.xml": document,
    "word/styles.xml": styles,
    "word/settings.xml": settings,
    "word/header1.xml": XML + header,
    "word/footer1.xml": XML + footer,
    "word/_rels/document.xml.rels": document_rels,
}
# A fixed timestamp: the same script always writes the same bytes.
with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode("utf-8"))
print(os.path.normpath(OUT))

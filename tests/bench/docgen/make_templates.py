#!/usr/bin/env python3
"""Build the document-generation benchmark templates by hand (stdlib only: zipfile).

Two syntaxes of the same documents, so that a renderer and its peer do the same work:
  docxtemplater: {tag}, {#cond}..{/cond}, {^cond}..{/cond}, {#items}..{/items}
  liquid:        {{ tag }}, {% if cond %}..{% endif %}, {% unless cond %}..{% endunless %},
                 {% for item in items %}..{{ item.x }}..{% endfor %}
Usage: python3 make_templates.py OUTDIR   (writes *.docx and data_*.json; run by tests/bench/documents.sh and
JcStar.Workflow.Documents.Tests/BenchmarkTemplateTests)

Produces, each in both syntaxes (notice_*.docxtemplater.docx, notice_*.liquid.docx):
  notice_en - a 2-page notice: ~30 placeholders, tags in header and footer, a condition and its
              inverse, a table whose row repeats per item, tags split over several runs as Word
              splits them.
  notice_ja - the same with Japanese text and the East-Asian font "Noto Serif CJK JP".
and data_{en,ja}_{0,200}.json: the data, with 0 or 200 table rows.
"""
import sys
import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def run(text, bold=False, size=None, font_ea=None, font_ascii=None, italic=False):
    rpr = []
    if font_ea or font_ascii:
        a = font_ascii or "Times New Roman"
        ea = font_ea or a
        rpr.append(f'<w:rFonts w:ascii="{a}" w:hAnsi="{a}" w:eastAsia="{ea}" w:cs="{a}"/>')
    if bold:
        rpr.append("<w:b/>")
    if italic:
        rpr.append("<w:i/>")
    if size:
        rpr.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    rpr_xml = f"<w:rPr>{''.join(rpr)}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs, align=None, style=None, spacing_after=None, page_break_before=False):
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if spacing_after is not None:
        ppr.append(f'<w:spacing w:after="{spacing_after}"/>')
    if align:
        ppr.append(f'<w:jc w:val="{align}"/>')
    ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr_xml}{''.join(runs)}</w:p>"


def cell(content_xml, width, shade=None):
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shd}</w:tcPr>'
            f"{content_xml}</w:tc>")


def table(rows_xml, widths):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = "".join(
        f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f"<w:tblBorders>{borders}</w:tblBorders></w:tblPr>"
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>")


def tr(cells_xml, header=False):
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{trpr}{''.join(cells_xml)}</w:tr>"


TEXT = {
    "en": {
        "title": "NOTICE OF APPLICATION ACCEPTANCE",
        "intro": ("This notice confirms that the application identified below has been received "
                  "and accepted for examination under the applicable regulations. Please keep this "
                  "notice for your records and quote the reference number in all correspondence."),
        "labels": ["Application number", "Reference number", "Applicant name", "Applicant address",
                   "Postal code", "Telephone", "E-mail", "Representative", "Filing date",
                   "Acceptance date", "Product name", "Product category", "Label type",
                   "Fee paid", "Payment method", "Receipt number", "Examiner", "Department"],
        "filler": ("The examination will be carried out in the order in which applications are "
                   "accepted. If additional documents are required, a separate request will be sent "
                   "to the address above. Failure to respond within the period stated in the request "
                   "may result in the application being treated as withdrawn. "),
        "revoked": "IMPORTANT: The previous certificate {prev_cert_no} was revoked on {revocation_date} for the following reason: {revocation_reason}.",
        "not_revoked": "No previous certificate has been revoked for this applicant.",
        "items_title": "Schedule of items under examination",
        "cols": ["No.", "Code", "Description", "Qty", "Amount"],
        "closing": "Issued by {office_name}, {issue_date}. Contact: {contact_person} ({contact_phone}).",
        "appeal": ("Appeal: if you disagree with any decision concerning this application you may file an "
                   "appeal within {appeal_days} days of receiving the decision."),
        "hdr": "{office_name} - Document No. {doc_number}",
        "ftr": "Issued {issue_date} - Page ",
    },
    "ja": {
        "title": "申請受理通知書",
        "intro": ("下記の申請について、関係法令に基づき受理しましたので通知します。"
                  "本通知書は大切に保管し、今後の連絡の際には必ず整理番号を記載してください。"),
        "labels": ["申請番号", "整理番号", "申請者氏名", "申請者住所", "郵便番号", "電話番号",
                   "電子メール", "代理人", "申請日", "受理日", "製品名", "製品区分", "表示の種類",
                   "納付手数料", "納付方法", "領収番号", "審査官", "担当部署"],
        "filler": ("審査は受理した順に行います。追加の書類が必要な場合は、上記の住所あてに別途依頼書を"
                   "送付します。依頼書に記載された期間内に回答がない場合は、申請を取り下げたものとして"
                   "取り扱うことがあります。"),
        "revoked": "重要：前回の証明書（{prev_cert_no}）は{revocation_date}付けで取り消されました。理由：{revocation_reason}",
        "not_revoked": "この申請者について、取り消された証明書はありません。",
        "items_title": "審査対象品目一覧",
        "cols": ["番号", "コード", "品目", "数量", "金額"],
        "closing": "{office_name}　{issue_date}発行　担当：{contact_person}（{contact_phone}）",
        "appeal": ("教示：この決定に不服がある場合は、決定があったことを知った日の翌日から起算して"
                   "{appeal_days}日以内に審査請求をすることができます。"),
        "hdr": "{office_name}　文書番号 {doc_number}",
        "ftr": "{issue_date}発行　",
    },
}

KEYS = ["application_no", "reference_no", "applicant_name", "applicant_address", "postal_code",
        "phone", "email", "representative", "filing_date", "acceptance_date", "product_name",
        "product_category", "label_type", "fee_paid", "payment_method", "receipt_no", "examiner",
        "department"]


def body_xml(lang, ea_font):
    t = TEXT[lang]
    F = dict(font_ea=ea_font, font_ascii="Liberation Serif") if ea_font else {}
    out = []
    out.append(para(run(t["title"], bold=True, size=32, **F), align="center", spacing_after=240))
    # Tag split across three runs with different formatting -> docxtemplater must merge them.
    out.append(para(run("To: " if lang == "en" else "宛先：", **F),
                    run("{appl", bold=True, **F), run("icant_", bold=True, italic=True, **F),
                    run("name}", bold=True, **F),
                    run(" / " + ("Ref. " if lang == "en" else "整理番号 "), **F),
                    run("{refer", **F), run("ence_no}", **F)))
    out.append(para(run(t["intro"], **F), spacing_after=200))
    rows = []
    for label, key in zip(t["labels"], KEYS):
        rows.append(tr([cell(para(run(label, bold=True, **F)), 3000, shade="EEEEEE"),
                        cell(para(run("{" + key + "}", **F)), 6000)]))
    out.append(table(rows, [3000, 6000]))
    out.append(para(run("", **F)))
    # condition + inverted condition (paragraphLoop=true removes the marker paragraphs)
    out.append(para(run("{#is_revoked}", **F)))
    out.append(para(run(t["revoked"], bold=True, **F)))
    out.append(para(run("{/is_revoked}", **F)))
    out.append(para(run("{^is_revoked}", **F)))
    out.append(para(run(t["not_revoked"], **F)))
    out.append(para(run("{/is_revoked}", **F)))
    # filler to reach ~2 pages of template
    for i in range(6):
        out.append(para(run(t["filler"] * 2, **F), spacing_after=160))
    out.append(para(run(t["appeal"], **F)))
    out.append(para(run(t["closing"], **F)))
    # items table with row loop: {#items} in first cell, {/items} in last cell => row repeats
    out.append(para(run(t["items_title"], bold=True, size=26, **F), page_break_before=True))
    widths = [900, 1500, 4200, 1000, 1400]
    hdr = tr([cell(para(run(c, bold=True, **F)), w, shade="DDDDDD") for c, w in zip(t["cols"], widths)],
             header=True)
    body_row = tr([
        cell(para(run("{#items}{no}", **F)), widths[0]),
        cell(para(run("{code}", **F)), widths[1]),
        cell(para(run("{description}", **F)), widths[2]),
        cell(para(run("{qty}", **F)), widths[3]),
        cell(para(run("{amount}{/items}", **F)), widths[4]),
    ])
    total = tr([cell(para(run("", **F)), widths[0]), cell(para(run("", **F)), widths[1]),
                cell(para(run("Total" if lang == "en" else "合計", bold=True, **F)), widths[2]),
                cell(para(run("{total_qty}", bold=True, **F)), widths[3]),
                cell(para(run("{total_amount}", bold=True, **F)), widths[4])])
    out.append(table([hdr, body_row, total], widths))
    out.append(para(run("{signature_block}", **F)))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHdr1"/>'
            '<w:footerReference w:type="default" r:id="rIdFtr1"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1134" w:header="708" '
            'w:footer="708" w:gutter="0"/></w:sectPr>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{"".join(out)}{sect}</w:body></w:document>'


def hdr_ftr_xml(kind, lang, ea_font):
    t = TEXT[lang]
    F = dict(font_ea=ea_font, font_ascii="Liberation Serif") if ea_font else {}
    tag = "w:hdr" if kind == "hdr" else "w:ftr"
    if kind == "hdr":
        p = para(run(t["hdr"], size=18, **F), align="right")
    else:
        # PAGE field (simple field) after the placeholder text
        p = ("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>" + run(t["ftr"], size=18, **F) +
             '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{tag} {W_NS}>{p}</{tag}>'


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdHdr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rIdFtr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>"""


def styles_xml(ea_font):
    ea = ea_font or "Liberation Serif"
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:eastAsia="{ea}" w:cs="Liberation Serif"/>
<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
</w:styles>"""


CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>docgen-bench</dc:creator></cp:coreProperties>"""
APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>hand-built</Application></Properties>"""


def write_docx(path, document, header, footer, styles, title):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", styles)
        z.writestr("word/header1.xml", header)
        z.writestr("word/footer1.xml", footer)
        z.writestr("docProps/core.xml", CORE.format(title=escape(title)))
        z.writestr("docProps/app.xml", APP)


def build(path, lang, ea_font):
    write_docx(path, body_xml(lang, ea_font), hdr_ftr_xml("hdr", lang, ea_font),
               hdr_ftr_xml("ftr", lang, ea_font), styles_xml(ea_font), TEXT[lang]["title"])


LOOP_FIELDS = ("no", "code", "description", "qty", "amount")


def to_liquid(xml):
    """The same document with Liquid tags instead of docxtemplater tags."""
    import re
    for f in LOOP_FIELDS:
        xml = xml.replace("{#items}{" + f + "}", "{% for item in items %}{{ item." + f + " }}")
        xml = xml.replace("{" + f + "}{/items}", "{{ item." + f + " }}{% endfor %}")
        xml = xml.replace(">{" + f + "}<", ">{{ item." + f + " }}<")
    xml = xml.replace("{#is_revoked}", "{% if is_revoked %}", 1)
    xml = xml.replace("{/is_revoked}", "{% endif %}", 1)
    xml = xml.replace("{^is_revoked}", "{% unless is_revoked %}", 1)
    xml = xml.replace("{/is_revoked}", "{% endunless %}", 1)
    # the tags that the generator splits over several runs
    xml = xml.replace(">{appl<", ">{{ appl<").replace(">name}<", ">name }}<")
    xml = xml.replace(">{refer<", ">{{ refer<").replace(">ence_no}<", ">ence_no }}<")
    return re.sub(r"(?<![{%])\{([a-z_][a-z0-9_]*)\}", r"{{ \1 }}", xml)


def make_data(lang, seq, rows):
    """Deterministic data: 30 scalars and a table of ROWS items (mirrors bench.js)."""
    ja = lang == "ja"
    items, total_qty, total_amount = [], 0, 0
    for i in range(1, rows + 1):
        qty = ((i * 7 + seq) % 13) + 1
        amount = qty * (1000 + ((i * 37) % 500))
        total_qty += qty
        total_amount += amount
        items.append({"no": i, "code": f"P-{i:05d}",
                      "description": f"試験品目 {i}（ラベル表示確認用）" if ja else f"Test item {i} (label verification sample)",
                      "qty": qty, "amount": f"{amount:,}"})
    return {
        "application_no": f"2026-A-{seq:06d}", "reference_no": f"REF-{seq}",
        "applicant_name": "山田 太郎" if ja else "John Smith & Sons <Ltd>",
        "applicant_address": "東京都千代田区霞が関1-2-3" if ja else "1-2-3 Kasumigaseki, Chiyoda-ku, Tokyo",
        "postal_code": "100-8916", "phone": "03-1234-5678", "email": "applicant@example.jp",
        "representative": "代理人 鈴木 花子" if ja else "Hanako Suzuki, Proxy",
        "filing_date": "令和8年4月1日" if ja else "2026-04-01",
        "acceptance_date": "令和8年4月15日" if ja else "2026-04-15",
        "product_name": "ネットワークカメラ NC-100" if ja else "Network camera NC-100",
        "product_category": "ネットワークカメラ" if ja else "Network camera",
        "label_type": "★1" if ja else "STAR-1",
        "fee_paid": "198,000円" if ja else "JPY 198,000",
        "payment_method": "銀行振込" if ja else "Bank transfer",
        "receipt_no": f"R-{seq}", "examiner": "佐藤 一郎" if ja else "Ichiro Sato",
        "department": "適合性評価部" if ja else "Conformance Assessment Department",
        "is_revoked": seq % 2 == 0, "prev_cert_no": f"C-{seq - 1}",
        "revocation_date": "令和7年12月1日" if ja else "2025-12-01",
        "revocation_reason": "セキュリティ要件への不適合" if ja else "Non-conformity with the security requirements",
        "office_name": "ラベル発行機関" if ja else "Label-issuing Body",
        "doc_number": f"N-{seq}", "issue_date": "令和8年4月20日" if ja else "2026-04-20",
        "contact_person": "高橋" if ja else "Takahashi", "contact_phone": "03-9876-5432",
        "appeal_days": "60" if ja else 60, "total_qty": total_qty, "total_amount": f"{total_amount:,}",
        "signature_block": "（公印省略）" if ja else "(Official seal omitted)", "items": items,
    }


def build_both(outdir, name, lang, ea_font):
    import os
    doc, hdr, ftr = body_xml(lang, ea_font), hdr_ftr_xml("hdr", lang, ea_font), hdr_ftr_xml("ftr", lang, ea_font)
    title = TEXT[lang]["title"]
    write_docx(os.path.join(outdir, f"{name}.docxtemplater.docx"), doc, hdr, ftr, styles_xml(ea_font), title)
    write_docx(os.path.join(outdir, f"{name}.liquid.docx"), to_liquid(doc), to_liquid(hdr), to_liquid(ftr),
               styles_xml(ea_font), title)


if __name__ == "__main__":
    import json, os
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    build_both(out, "notice_en", "en", None)
    build_both(out, "notice_ja", "ja", "Noto Serif CJK JP")
    for lang in ("en", "ja"):
        for rows in (0, 200):
            with open(os.path.join(out, f"data_{lang}_{rows}.json"), "w", encoding="utf-8") as f:
                json.dump(make_data(lang, 1, rows), f, ensure_ascii=False, indent=1)
    print("ok", out)

namespace JcStar.Workflow.Documents.Tests.Letters;

/// <summary>
/// The letters of the JC-STAR procedures (PROCEDURES.md, Documents), written in the case vocabulary of
/// workflows/README.md ("Case variables"), with example data in that vocabulary.
/// </summary>
internal static class SchemeLetters
{
    private const string Body = "{% if level == \"Star1\" or level == \"Star2\" %}{{ office.labelIssuingBody }}{% else %}{{ office.certificationBody }}{% endif %}";
    private static readonly (string, string) Applicant = ("{{ applicant.name }}", "{{ applicant.representative }}");
    private static readonly (string, string) Facility = ("{{ facility.name }}", "{{ facility.contactName }}");
    private static readonly (string, string) Appellant = ("{{ appellant.name }}", "{{ appellant.contactName }}");
    private static readonly RepeatedTable Models = new("対象製品及び型番", "model", "product.modelNumbers", [("製品名", "{{ product.name }}"), ("型番", "{{ model }}")]);

    /// <summary>Every decision that may be appealed says how and by which date.</summary>
    private const string Appeal = "この決定に不服がある場合は、{{ appealByDate | wareki }}までに、対象となる決定の番号、不服の理由及び求める措置を記載した異議申立書を、{{ office.section }}（電子メール：{{ office.email }}）に提出することにより、異議申立てをすることができます。";

    private static readonly (string, string)[] Application =
    [
        ("申請番号", "{{ applicationNumber }}"),
        ("製品名", "{{ product.name }}"),
        ("申請レベル", "{{ levelDisplay }}"),
    ];

    private static readonly Dictionary<string, object?> Product = new() { ["name"] = "ネットワークカメラ NC-100", ["modelNumbers"] = new[] { "NC-100", "NC-100W" } };

    public static IReadOnlyList<LetterSpec> All { get; } =
    [
        new("acceptance-form", "{{ applicationNumber }}", Applicant, Body, "申請受理票", "Application Acceptance Form",
            ["{{ addressee.you }}から提出のあった下記の適合ラベル取得申請について、書類が整っていることを確認し、受理しましたので通知します。"],
            [.. Application, ("申請日", "{{ receivedOn | wareki }}"), ("受理日", "{{ acceptedOn | wareki }}"), ("手数料", "{% if feeAmount %}{{ feeAmount | yen }}（税込）{% else %}―{% endif %}")],
            null,
            ["{% if feeAmount > 0 %}", "手数料は、{{ paymentDueOn | wareki }}までに、別途送付する手数料納付依頼書に従って納付してください。", "{% endif %}",
             "{% if level == \"Star1\" or level == \"Star2\" %}", "納付の確認後、チェックリストの確認を開始します。", "{% else %}", "手数料の納付の確認後、評価機関を選定し、評価機関による適合性評価の結果（適合評価報告書）の提出をもって、認証審査を開始します。", "{% endif %}"],
            Example(new() { ["applicationNumber"] = "JC-A-2026-000123", ["level"] = "Star1", ["levelDisplay"] = "★1", ["product"] = Product, ["receivedOn"] = "2026-11-02", ["acceptedOn"] = "2026-11-25", ["feeAmount"] = 198000, ["paymentDueOn"] = "2026-12-25" })),

        new("correction-request", "{{ applicationNumber }}", Applicant, Body, "補正依頼書", "Request for Correction",
            // A question from the checklist review (questionedItems) uses the same letter: the items and why each is asked.
            ["{% if questionedItems.size > 0 %}{{ addressee.you }}から提出のあった下記の申請について、チェックリストの審査において確認を要する事項がありましたので、補正期限までに次の事項について回答又は補正書類を提出してください。{% else %}{{ addressee.you }}から提出のあった下記の申請について、次の事項の補正を依頼します。補正期限までに補正書類の提出がない場合は、申請を取り下げたものとして取り扱います。{% endif %}"],
            [.. Application, ("補正期限", "{{ correctionDueOn | wareki }}")],
            null,
            ["補正を要する事項", "{{ missingItems }}", "{% for item in questionedItems %}", "・{{ item.requirementId }}：{{ item.reason }}", "{% endfor %}"],
            Example(new() { ["applicationNumber"] = "JC-A-2026-000123", ["level"] = "Star1", ["levelDisplay"] = "★1", ["product"] = Product,
                ["correctionDueOn"] = "2027-01-04", ["missingItems"] = "1．チェックリスト S1.1-03 の確認方法が記載されていません。\n2．委任状（様式2-3）の押印がありません。",
                ["questionedItems"] = Array.Empty<object>() })),

        new("withdrawal-notice", "{{ applicationNumber }}", Applicant, Body, "申請取下げ通知書", "Notice of Withdrawal of the Application",
            ["{{ addressee.you }}から提出のあった下記の申請について、次の理由により、取り下げられたものとして取り扱うこととしたので通知します。"],
            [.. Application, ("取下げ日", "{{ withdrawnOn | wareki }}")],
            null,
            ["理由", "{{ withdrawalReason }}", "改めて適合ラベルの取得を希望される場合は、新たに申請してください。", Appeal],
            Example(new() { ["applicationNumber"] = "JC-A-2026-000123", ["level"] = "Star1", ["levelDisplay"] = "★1", ["product"] = Product,
                ["withdrawnOn"] = "2026-12-26", ["withdrawalReason"] = "補正期限までに再提出がありませんでした" })),

        new("fee-request", "{{ applicationNumber }}", Applicant, Body, "手数料納付依頼書", "Request for Payment of the Fee",
            ["下記の申請に係る手数料を、納付期限までに下記の口座へ振り込んでください。なお、納付された手数料は返還しません。"],
            [.. Application, ("手数料", "{{ feeAmount | yen }}（税込）"), ("納付期限", "{{ paymentDueOn | wareki }}"), ("振込先", "{{ office.bankAccount }}")],
            null,
            ["振込の際は、振込人名の前に申請番号（{{ applicationNumber }}）を付記してください。"],
            Example(new() { ["applicationNumber"] = "JC-A-2026-000123", ["level"] = "Star1", ["levelDisplay"] = "★1", ["product"] = Product, ["feeAmount"] = 198000, ["paymentDueOn"] = "2026-12-25" })),

        new("grant-notice", "{{ registrationNumber }}", Applicant, Body, "適合ラベル交付通知書", "Notice of Grant of the JC-STAR Conformance Label",
            ["{{ addressee.you }}から申請のあった下記の製品について、JC-STAR 適合ラベルを交付することとしたので通知します。適合ラベルは、有効期間内に限り、下記の製品及び型番について使用することができます。"],
            [("登録番号", "{{ registrationNumber }}"), ("申請番号", "{{ applicationNumber }}"), ("適合レベル", "{{ levelDisplay }}"), ("交付日", "{{ issueDate | wareki }}"), ("有効期限", "{{ expiryDate | wareki }}"),
             ("評価機関", "{% if level == \"Star3\" or level == \"Star4\" %}{{ facility.name }}{% else %}―（適合の自己宣言）{% endif %}"), ("製品リスト掲載日", "{{ publicationDate | wareki }}")],
            Models,
            // The QR code carries the entry's own page in the public registry (/registry/{registrationNumber}), printed beside it.
            ["適合ラベル取得製品リスト：{{ office.registryUrl }}/{{ registrationNumber }}", "{{ office.registryUrl | append: \"/\" | append: registrationNumber | qr: 22 }}"],
            Example(new() { ["applicationNumber"] = "JC-A-2026-000123", ["registrationNumber"] = "JC-2026-000123", ["level"] = "Star1", ["levelDisplay"] = "★1", ["product"] = Product,
                ["issueDate"] = "2026-11-25", ["expiryDate"] = "2028-11-24", ["publicationDate"] = "2026-12-01" })),

        new("refusal-notice", "{{ applicationNumber }}", Applicant, Body, "適合ラベル不交付通知書", "Notice of Refusal",
            ["{{ addressee.you }}から申請のあった下記の製品について、審査の結果、次の理由により適合ラベルを交付しないこととしたので通知します。"],
            Application,
            null,
            // A ★1 review refused item by item lists each item that does not conform and why (failedItems).
            ["理由", "{{ reasons }}", "{% if failedItems.size > 0 %}", "次のチェックリスト項目が適合していません。", "{% for item in failedItems %}", "・{{ item.requirementId }}：{{ item.reason }}", "{% endfor %}", "{% endif %}", Appeal],
            Example(new() { ["applicationNumber"] = "JC-A-2026-000123", ["level"] = "Star3", ["levelDisplay"] = "★3", ["product"] = Product,
                ["reasons"] = "適合評価報告書において要件 S3.2-05 への不適合が指摘されており、是正の証拠が提出されていないため。", ["failedItems"] = Array.Empty<object>() })),

        new("facility-approval-notice", "{{ facility.id }}", Facility, "{{ office.certificationBody }}", "評価機関承認通知書", "Notice of Approval as an Evaluation Facility",
            ["{{ addressee.you }}から申請のあった評価機関の承認について、審査の結果、下記のとおり承認したので通知します。"],
            [("評価機関名", "{{ facility.name }}"), ("承認日", "{{ approvedOn | wareki }}"), ("評価対象レベル", "{% for l in facility.scopeLevels %}{{ l }}{% unless forloop.last %}、{% endunless %}{% endfor %}"),
             ("認定", "{{ facility.accreditation.body }}　ISO/IEC 17025 認定番号 {{ facility.accreditation.certificateNumber }}（{{ facility.accreditation.validUntil | wareki }}まで）"),
             ("品質マニュアル", "{{ facility.documents.qualityManual }}"), ("遵守の誓約書", "{{ facility.documents.compliancePledge }}"), ("秘密保持の誓約書", "{{ facility.documents.confidentialityUndertaking }}")],
            null,
            ["評価の実施に当たっては、公平性及び秘密保持の誓約を遵守してください。"],
            Example(new() { ["approvedOn"] = "2026-11-25", ["facility"] = new Dictionary<string, object?>
            {
                ["id"] = "EF-007", ["name"] = "一般財団法人サンプル電子技術研究所", ["contactName"] = "評価部長 佐藤 一郎", ["scopeLevels"] = new[] { "★3", "★4" },
                ["accreditation"] = new Dictionary<string, object?> { ["body"] = "IAJapan", ["certificateNumber"] = "RTL01234", ["validUntil"] = "2029-03-31" },
                ["documents"] = new Dictionary<string, object?> { ["qualityManual"] = "SEL-QM-001 第3版", ["compliancePledge"] = "2026年11月1日付 誓約書", ["confidentialityUndertaking"] = "SEL-NDA-2026 第1版" },
            } })),

        new("facility-refusal-notice", "{{ facility.id }}", Facility, "{{ office.certificationBody }}", "評価機関不承認通知書", "Notice of Refusal of Approval as an Evaluation Facility",
            ["{{ addressee.you }}から申請のあった評価機関の承認について、審査の結果、次の理由により承認しないこととしたので通知します。"],
            [("評価機関名", "{{ facility.name }}"), ("通知日", "{{ refusedOn | wareki }}")],
            null,
            ["理由", "{{ reasons }}", Appeal],
            Example(new() { ["refusedOn"] = "2026-11-25", ["reasons"] = "ISO/IEC 17025 の認定範囲に IoT 製品のセキュリティ評価が含まれていないため。", ["facility"] = new Dictionary<string, object?>
            {
                ["id"] = "EF-009", ["name"] = "株式会社サンプル試験所", ["contactName"] = "所長 鈴木 花子",
            } })),

        new("extension-notice", "{{ registrationNumber }}", Applicant, Body, "有効期間延長通知書", "Notice of Extension of Validity",
            ["{{ addressee.you }}から申請のあった下記の適合ラベルの有効期間の延長について、審査の結果、延長することとしたので通知します。"],
            [("登録番号", "{{ registrationNumber }}"), ("従前の有効期限", "{{ previousExpiryDate | wareki }}"), ("延長後の有効期限", "{{ expiryDate | wareki }}"), ("延長日", "{{ extendedOn | wareki }}")],
            Models,
            [],
            Example(new() { ["registrationNumber"] = "JC-2026-000123", ["level"] = "Star1", ["product"] = Product, ["previousExpiryDate"] = "2028-11-24", ["expiryDate"] = "2030-11-24", ["extendedOn"] = "2028-10-01" })),

        new("extension-refusal-notice", "{{ registrationNumber }}", Applicant, Body, "有効期間延長不承認通知書", "Notice of Refusal to Extend Validity",
            ["{{ addressee.you }}から申請のあった下記の適合ラベルの有効期間の延長について、審査の結果、次の理由により延長しないこととしたので通知します。適合ラベルは、現在の有効期限をもって効力を失います。"],
            [("登録番号", "{{ registrationNumber }}"), ("製品名", "{{ product.name }}"), ("有効期限", "{{ expiryDate | wareki }}")],
            null,
            ["理由", "{{ reasons }}", Appeal],
            Example(new() { ["registrationNumber"] = "JC-2026-000123", ["level"] = "Star1", ["product"] = Product, ["expiryDate"] = "2028-11-24",
                ["reasons"] = "延長申請の時点で、申告された脆弱性への対応が完了していないため。" })),

        new("successor-maintenance-notice", "{{ registrationNumber }}", Applicant, Body, "後継製品に係る適合ラベルの効力継続通知書", "Notice of Maintenance for a Successor Product",
            ["{{ addressee.you }}から届出のあった下記の後継製品について、条件を満たすことを確認したので、登録番号 {{ registrationNumber }} の適合ラベルの効力が及ぶことを通知します。"],
            [("登録番号", "{{ registrationNumber }}"), ("有効期限", "{{ expiryDate | wareki }}"), ("後継製品", "{{ successor.name }}"), ("差分の概要", "{{ successor.differences }}"), ("効力継続日", "{{ maintainedOn | wareki }}")],
            new RepeatedTable("後継製品の型番", "model", "successor.modelNumbers", [("製品名", "{{ successor.name }}"), ("型番", "{{ model }}")]),
            [],
            Example(new() { ["registrationNumber"] = "JC-2026-000123", ["level"] = "Star1", ["expiryDate"] = "2028-11-24", ["maintainedOn"] = "2027-02-01",
                ["successor"] = new Dictionary<string, object?> { ["name"] = "ネットワークカメラ NC-110", ["modelNumbers"] = new[] { "NC-110" }, ["differences"] = "筐体色の変更のみ（ファームウェア及びハードウェアに変更なし）" } })),

        new("new-application-instruction", "{{ registrationNumber }}", Applicant, Body, "新規申請のお願い", "Instruction to File a New Application",
            ["{{ addressee.you }}から届出のあった後継製品について、次の条件を満たさないため既存の適合ラベルの効力を及ぼすことができません。新規に適合ラベル取得申請を行ってください。"],
            [("登録番号", "{{ registrationNumber }}"), ("後継製品", "{{ successor.name }}")],
            null,
            ["満たさない条件", "{% for condition in unmetConditions %}", "・{{ condition }}", "{% endfor %}", Appeal],
            Example(new() { ["registrationNumber"] = "JC-2026-000123", ["level"] = "Star1",
                ["successor"] = new Dictionary<string, object?> { ["name"] = "ネットワークカメラ NC-200" },
                ["unmetConditions"] = new[] { "セキュリティ機能に変更がないこと（認証機能が変更されている）" } })),

        new("improvement-instruction", "{{ registrationNumber }}", Applicant, Body, "改善指示書", "Instruction for Improvement",
            ["下記の適合ラベルについて、調査の結果、次の事項が認められたので、{{ improvementDueOn | wareki }}までに改善を行い、その結果を報告するよう指示します。期限までに改善が認められない場合は、適合ラベルを取り消すことがあります。"],
            [("登録番号", "{{ registrationNumber }}"), ("製品名", "{{ product.name }}")],
            null,
            ["指摘事項", "{{ findings }}", Appeal],
            Example(new() { ["registrationNumber"] = "JC-2026-000123", ["level"] = "Star1", ["product"] = Product, ["improvementDueOn"] = "2026-05-07",
                ["findings"] = "1．脆弱性連絡窓口が公開されていません。\n2．サポート期間の表示が製品リストと一致していません。" })),

        new("revocation-notice", "{{ registrationNumber }}", Applicant, Body, "適合ラベル取消通知書", "Notice of Revocation",
            ["下記の適合ラベルについて、次の理由により取り消すこととしたので通知します。取消し後は、適合ラベルを使用することはできません。"],
            [("登録番号", "{{ registrationNumber }}"), ("製品名", "{{ product.name }}"), ("取消日", "{{ revokedOn | wareki }}")],
            null,
            ["理由", "{{ reasons }}", Appeal],
            Example(new() { ["registrationNumber"] = "JC-2026-000123", ["level"] = "Star1", ["product"] = Product, ["revokedOn"] = "2027-03-01", ["reasons"] = "改善指示書に定めた期限までに改善が認められなかったため。" })),

        new("appeal-acknowledgement", "{{ appealNumber }}", Appellant, "{{ office.section }}", "異議申立て等受付通知書", "Acknowledgement of an Appeal",
            ["{{ addressee.you }}から提出のあった下記の{% if kind == \"complaint\" %}苦情{% elsif kind == \"dispute\" %}紛争の申出{% else %}異議申立て{% endif %}を受け付けましたので通知します。決定を行う担当者は、対象となった決定に関与していない者とします。"],
            [("受付番号", "{{ appealNumber }}"), ("受付日", "{{ receivedOn | wareki }}"), ("対象案件", "{{ subjectCaseNumber }}"), ("概要", "{{ summary }}"), ("決定予定日", "{{ decideByDate | wareki }}まで")],
            null,
            [],
            Example(new() { ["appealNumber"] = "JC-AP-2026-004", ["kind"] = "appeal", ["receivedOn"] = "2026-11-20", ["subjectCaseNumber"] = "JC-A-2026-000123", ["decideByDate"] = "2027-01-19",
                ["summary"] = "適合ラベル不交付決定の取消しを求める。",
                ["appellant"] = new Dictionary<string, object?> { ["name"] = "株式会社サンプル電機", ["contactName"] = "品質保証部長 鈴木 花子" } })),

        new("appeal-decision", "{{ appealNumber }}", Appellant, "{{ office.section }}", "異議申立て等に対する決定通知書", "Decision on an Appeal",
            ["{{ addressee.you }}から提出のあった下記の申立てについて、審査の結果、次のとおり決定したので通知します。"],
            [("受付番号", "{{ appealNumber }}"), ("対象案件", "{{ subjectCaseNumber }}"),
             ("決定", "{% if outcome == \"upheld\" %}申立てを認める{% elsif outcome == \"substantiated\" %}苦情の内容を認め、是正処置を講じる{% elsif outcome == \"unsubstantiated\" %}苦情の内容は認められない{% elsif outcome == \"settled\" %}紛争は解決した{% elsif outcome == \"not-settled\" %}紛争は解決に至らなかった{% else %}申立てを棄却する{% endif %}")],
            null,
            ["理由", "{{ reasons }}"],
            Example(new() { ["appealNumber"] = "JC-AP-2026-004", ["kind"] = "appeal", ["subjectCaseNumber"] = "JC-A-2026-000123", ["outcome"] = "dismissed",
                ["reasons"] = "提出された追加資料を検討したが、要件 S3.2-05 への不適合は解消されていないと判断した。",
                ["appellant"] = new Dictionary<string, object?> { ["name"] = "株式会社サンプル電機", ["contactName"] = "品質保証部長 鈴木 花子" } })),

        new("expiry-reminder", "{{ registrationNumber }}", Applicant, Body, "適合ラベル有効期限到来のお知らせ", "Reminder of Expiry",
            ["下記の適合ラベルの有効期限が近づいています（残り{{ reminder.daysBefore }}日）。引き続き適合ラベルを使用する場合は、有効期限までに有効期間の延長を申請してください。延長の申請がないまま有効期限を経過した場合、製品リスト上の状態は「期限切れ」となります。"],
            [("登録番号", "{{ registrationNumber }}"), ("有効期限", "{{ expiryDate | wareki }}")],
            Models,
            [],
            Example(new() { ["registrationNumber"] = "JC-2026-000123", ["level"] = "Star1", ["product"] = Product, ["expiryDate"] = "2028-11-24",
                ["reminder"] = new Dictionary<string, object?> { ["on"] = "2028-08-26", ["daysBefore"] = 90 } })),
    ];

    private static Dictionary<string, object?> Example(Dictionary<string, object?> specific)
    {
        var data = new Dictionary<string, object?>
        {
            ["today"] = "2026-11-25",
            ["documentNumber"] = "情推認第123号",
            ["appealByDate"] = "2026-12-25",
            ["addressee"] = new Dictionary<string, object?> { ["line1"] = "株式会社サンプル電機", ["line2"] = "代表取締役　山田 太郎　殿", ["you"] = "貴社" },
            ["office"] = new Dictionary<string, object?>
            {
                ["organization"] = "独立行政法人情報処理推進機構", ["labelIssuingBody"] = "ラベル発行機関", ["certificationBody"] = "認証機関",
                ["section"] = "セキュリティセンター JC-STAR 担当", ["signatory"] = "理事長　齊藤 裕", ["phone"] = "03-5978-7500", ["email"] = "jc-star@example.ipa.go.jp",
                ["registryUrl"] = "https://www.ipa.go.jp/security/jc-star/", ["bankAccount"] = "〇〇銀行 本店営業部\n普通預金 1234567\n口座名義 ドク）ジョウホウショリスイシンキコウ",
            },
            ["deadlineDays"] = new Dictionary<string, object?> { ["review"] = 30, ["correction"] = 30, ["payment"] = 30, ["improvement"] = 60, ["appealDecision"] = 60 },
            ["applicant"] = new Dictionary<string, object?> { ["name"] = "株式会社サンプル電機", ["representative"] = "代表取締役　山田 太郎" },
        };
        foreach (var (key, value) in specific)
            data[key] = value;
        return data;
    }
}

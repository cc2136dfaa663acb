namespace JcStar.Workflow.Documents.Tests.Letters;

/// <summary>The letters of the JC-STAR procedures (PROCEDURES.md, Documents), with example data.</summary>
internal static class SchemeLetters
{
    private static readonly object[] Products =
    [
        new Dictionary<string, object?> { ["name"] = "ネットワークカメラ", ["model"] = "NC-100" },
        new Dictionary<string, object?> { ["name"] = "ネットワークカメラ（屋外型）", ["model"] = "NC-100W" },
    ];

    private static readonly (string, string)[] Application =
    [
        ("申請番号", "{{ application_no }}"),
        ("製品名", "{{ product.name }}"),
        ("申請レベル", "★{{ level }}"),
    ];

    public static IReadOnlyList<LetterSpec> All { get; } =
    [
        new("acceptance-form", "申請受理票", "Application Acceptance Form",
            ["貴社から提出のあった下記の適合ラベル取得申請について、書類が整っていることを確認し、受理しましたので通知します。"],
            [.. Application, ("申請日", "{{ applied_on | wareki }}"), ("受理日", "{{ accepted_on | wareki }}"), ("手数料", "{{ fee | yen }}（税込）")],
            null,
            ["{% if level <= 2 %}", "手数料の納付については、別途送付する手数料納付依頼書に従ってください。納付の確認後、チェックリストの確認を開始します。", "{% else %}", "評価機関による適合性評価の結果（適合評価報告書）の提出をもって、認証審査を開始します。", "{% endif %}"],
            Example(new() { ["application_no"] = "JC-A-2026-000123", ["product"] = new Dictionary<string, object?> { ["name"] = "ネットワークカメラ NC-100" }, ["level"] = 1, ["applied_on"] = "2026-11-02", ["accepted_on"] = "2026-11-25", ["fee"] = 198000 })),

        new("correction-request", "補正依頼書", "Request for Correction",
            ["貴社から提出のあった下記の申請について、次の事項の補正を依頼します。補正期限までに補正書類の提出がない場合は、申請を取り下げたものとして取り扱います。"],
            [.. Application, ("補正期限", "{{ deadline | wareki }}")],
            null,
            ["補正を要する事項", "{% for item in corrections %}", "{{ forloop.index }}．{{ item }}", "{% endfor %}"],
            Example(new() { ["application_no"] = "JC-A-2026-000123", ["product"] = new Dictionary<string, object?> { ["name"] = "ネットワークカメラ NC-100" }, ["level"] = 1, ["deadline"] = "2026-12-25",
                ["corrections"] = new[] { "チェックリスト S1.1-03 の確認方法が記載されていません。", "委任状（様式2-3）の押印がありません。" } })),

        new("fee-request", "手数料納付依頼書", "Request for Payment of the Fee",
            ["下記の申請に係る手数料を、納付期限までに下記の口座へ振り込んでください。なお、納付された手数料は返還しません。"],
            [.. Application, ("手数料", "{{ fee | yen }}（税込）"), ("納付期限", "{{ due_on | wareki }}"), ("振込先", "{{ bank_account }}")],
            null,
            ["振込の際は、振込人名の前に申請番号（{{ application_no }}）を付記してください。"],
            Example(new() { ["application_no"] = "JC-A-2026-000123", ["product"] = new Dictionary<string, object?> { ["name"] = "ネットワークカメラ NC-100" }, ["level"] = 1, ["fee"] = 198000, ["due_on"] = "2026-12-25",
                ["bank_account"] = "〇〇銀行 本店営業部\n普通預金 1234567\n口座名義 ドク）ジョウホウショリスイシンキコウ" })),

        new("grant-notice", "適合ラベル交付通知書", "Notice of Grant of the JC-STAR Conformance Label",
            ["貴社から申請のあった下記の製品について、JC-STAR 適合ラベルを交付することとしたので通知します。適合ラベルは、有効期間内に限り、下記の製品及び型番について使用することができます。"],
            [("登録番号", "{{ registration_no }}"), ("適合レベル", "★{{ level }}"), ("交付日", "{{ issued_on | wareki }}"), ("有効期限", "{{ expires_on | wareki }}（有効期間 {{ validity_years | zenkaku }}年）"),
             ("評価機関", "{% if facility %}{{ facility }}{% else %}―（適合の自己宣言）{% endif %}"), ("製品リスト掲載", "{{ registry_url }}")],
            new RepeatedTable("対象製品及び型番", "p", "products", [("製品名", "{{ p.name }}"), ("型番", "{{ p.model }}")]),
            ["適合ラベル取得製品リストの掲載ページ：", "{{ registry_url | qr: 22 }}"],
            Example(new() { ["registration_no"] = "JC-2026-000123", ["level"] = 1, ["expires_on"] = "2028-11-24", ["validity_years"] = 2, ["facility"] = null,
                ["registry_url"] = "https://www.ipa.go.jp/security/jc-star/list/JC-2026-000123", ["products"] = Products })),

        new("refusal-notice", "適合ラベル不交付通知書", "Notice of Refusal",
            ["貴社から申請のあった下記の製品について、審査の結果、次の理由により適合ラベルを交付しないこととしたので通知します。"],
            Application,
            null,
            ["理由", "{% for reason in reasons %}", "{{ forloop.index }}．{{ reason }}", "{% endfor %}",
             "この決定に不服がある場合は、この通知を受けた日の翌日から起算して{{ appeal_days }}日以内に、異議申立てをすることができます。"],
            Example(new() { ["application_no"] = "JC-A-2026-000123", ["product"] = new Dictionary<string, object?> { ["name"] = "ネットワークカメラ NC-100" }, ["level"] = 3,
                ["reasons"] = new[] { "適合評価報告書において、要件 S3.2-05 への不適合が指摘されています。", "指摘事項に対する是正の証拠が提出されていません。" }, ["appeal_days"] = 60 })),

        new("facility-approval-notice", "評価機関承認通知書", "Notice of Approval as an Evaluation Facility",
            ["貴機関から申請のあった評価機関の承認について、審査の結果、下記のとおり承認したので通知します。"],
            [("評価機関名", "{{ facility.name }}"), ("承認番号", "{{ approval_no }}"), ("承認日", "{{ approved_on | wareki }}"), ("評価対象レベル", "{% for l in levels %}★{{ l }}{% unless forloop.last %}、{% endunless %}{% endfor %}"),
             ("認定", "ISO/IEC 17025 認定番号 {{ facility.accreditation_no }}")],
            null,
            ["評価の実施に当たっては、公平性及び秘密保持の誓約を遵守してください。"],
            Example(new() { ["facility"] = new Dictionary<string, object?> { ["name"] = "一般財団法人サンプル電子技術研究所", ["accreditation_no"] = "RTL01234" }, ["approval_no"] = "JC-EF-2026-007", ["approved_on"] = "2026-11-25", ["levels"] = new[] { 3, 4 } })),

        new("extension-notice", "有効期間延長通知書", "Notice of Extension of Validity",
            ["貴社から申請のあった下記の適合ラベルの有効期間の延長について、審査の結果、延長することとしたので通知します。"],
            [("登録番号", "{{ registration_no }}"), ("従前の有効期限", "{{ previous_expiry | wareki }}"), ("延長後の有効期限", "{{ new_expiry | wareki }}")],
            new RepeatedTable("対象製品及び型番", "p", "products", [("製品名", "{{ p.name }}"), ("型番", "{{ p.model }}")]),
            [],
            Example(new() { ["registration_no"] = "JC-2026-000123", ["previous_expiry"] = "2028-11-24", ["new_expiry"] = "2030-11-24", ["products"] = Products })),

        new("successor-maintenance-notice", "後継製品に係る適合ラベルの効力継続通知書", "Notice of Maintenance for a Successor Product",
            ["貴社から届出のあった下記の後継製品について、条件を満たすことを確認したので、登録番号 {{ registration_no }} の適合ラベルの効力が及ぶことを通知します。"],
            [("登録番号", "{{ registration_no }}"), ("有効期限", "{{ expires_on | wareki }}"), ("差分の概要", "{{ differences }}")],
            new RepeatedTable("後継製品", "s", "successors", [("製品名", "{{ s.name }}"), ("型番", "{{ s.model }}")]),
            [],
            Example(new() { ["registration_no"] = "JC-2026-000123", ["expires_on"] = "2028-11-24", ["differences"] = "筐体色の変更のみ（ファームウェア及びハードウェアに変更なし）",
                ["successors"] = new[] { new Dictionary<string, object?> { ["name"] = "ネットワークカメラ", ["model"] = "NC-110" } } })),

        new("new-application-instruction", "新規申請のお願い", "Instruction to File a New Application",
            ["貴社から届出のあった後継製品について、次の理由により既存の適合ラベルの効力を及ぼすことができないため、新規に適合ラベル取得申請を行ってください。"],
            [("登録番号", "{{ registration_no }}"), ("後継製品", "{{ successor.name }}（{{ successor.model }}）")],
            null,
            ["理由", "{% for reason in reasons %}", "・{{ reason }}", "{% endfor %}"],
            Example(new() { ["registration_no"] = "JC-2026-000123", ["successor"] = new Dictionary<string, object?> { ["name"] = "ネットワークカメラ", ["model"] = "NC-200" },
                ["reasons"] = new[] { "ファームウェアの認証機能が変更されており、セキュリティ要件への適合性に影響するため。" } })),

        new("improvement-instruction", "改善指示書", "Instruction for Improvement",
            ["下記の適合ラベルについて、サーベイランスの結果、次の事項が認められたので、改善期限までに改善を行い、その結果を報告するよう指示します。期限までに改善が認められない場合は、適合ラベルを取り消すことがあります。"],
            [("登録番号", "{{ registration_no }}"), ("改善期限", "{{ deadline | wareki }}")],
            null,
            ["指摘事項", "{% for finding in findings %}", "{{ forloop.index }}．{{ finding }}", "{% endfor %}"],
            Example(new() { ["registration_no"] = "JC-2026-000123", ["deadline"] = "2027-01-31", ["findings"] = new[] { "脆弱性連絡窓口が公開されていません。", "サポート期間の表示が製品リストと一致していません。" } })),

        new("revocation-notice", "適合ラベル取消通知書", "Notice of Revocation",
            ["下記の適合ラベルについて、次の理由により取り消すこととしたので通知します。取消し後は、適合ラベルを使用することはできません。"],
            [("登録番号", "{{ registration_no }}"), ("取消日", "{{ revoked_on | wareki }}")],
            null,
            ["理由", "{% for reason in reasons %}", "{{ forloop.index }}．{{ reason }}", "{% endfor %}",
             "この決定に不服がある場合は、この通知を受けた日の翌日から起算して{{ appeal_days }}日以内に、異議申立てをすることができます。"],
            Example(new() { ["registration_no"] = "JC-2026-000123", ["revoked_on"] = "2027-03-01", ["reasons"] = new[] { "改善指示書に定めた期限までに改善が認められなかったため。" }, ["appeal_days"] = 60 })),

        new("appeal-acknowledgement", "異議申立て受付通知書", "Acknowledgement of an Appeal",
            ["貴社から提出のあった下記の異議申立てを受け付けましたので通知します。決定を行う担当者は、異議申立ての対象となった決定に関与していない者とします。"],
            [("受付番号", "{{ appeal_no }}"), ("受付日", "{{ received_on | wareki }}"), ("対象", "{{ subject }}"), ("決定予定日", "{{ decide_by | wareki }}まで")],
            null,
            [],
            Example(new() { ["appeal_no"] = "JC-AP-2026-004", ["received_on"] = "2026-11-20", ["subject"] = "適合ラベル不交付決定（申請番号 JC-A-2026-000123）", ["decide_by"] = "2027-01-19" })),

        new("appeal-decision", "異議申立てに対する決定通知書", "Decision on an Appeal",
            ["貴社から提出のあった下記の異議申立てについて、審査の結果、次のとおり決定したので通知します。"],
            [("受付番号", "{{ appeal_no }}"), ("対象", "{{ subject }}"),
             ("決定", "{% if decision == \"upheld\" %}異議申立てを認める{% elsif decision == \"partly\" %}異議申立ての一部を認める{% else %}異議申立てを棄却する{% endif %}")],
            null,
            ["理由", "{{ reasons }}"],
            Example(new() { ["appeal_no"] = "JC-AP-2026-004", ["subject"] = "適合ラベル不交付決定（申請番号 JC-A-2026-000123）", ["decision"] = "rejected",
                ["reasons"] = "提出された追加資料を検討したが、要件 S3.2-05 への不適合は解消されていないと判断した。" })),

        new("expiry-reminder", "適合ラベル有効期限到来のお知らせ", "Reminder of Expiry",
            ["下記の適合ラベルの有効期限が近づいています（残り{{ days_left }}日）。引き続き適合ラベルを使用する場合は、有効期限までに有効期間の延長を申請してください。延長の申請がないまま有効期限を経過した場合、製品リスト上の状態は「期限切れ」となります。"],
            [("登録番号", "{{ registration_no }}"), ("有効期限", "{{ expires_on | wareki }}")],
            new RepeatedTable("対象製品及び型番", "p", "products", [("製品名", "{{ p.name }}"), ("型番", "{{ p.model }}")]),
            [],
            Example(new() { ["registration_no"] = "JC-2026-000123", ["expires_on"] = "2028-11-24", ["days_left"] = 90, ["products"] = Products })),
    ];

    private static Dictionary<string, object?> Example(Dictionary<string, object?> specific)
    {
        var data = new Dictionary<string, object?>
        {
            ["reference_no"] = "IPA-JCS-2026-0456",
            ["issued_on"] = "2026-11-25",
            ["addressee"] = new Dictionary<string, object?> { ["organization"] = "株式会社サンプル電機", ["title"] = "代表取締役", ["name"] = "山田 太郎" },
            ["office_name"] = "ラベル発行機関",
            ["signatory"] = "齊藤 裕",
            ["contact"] = new Dictionary<string, object?> { ["section"] = "セキュリティセンター JC-STAR 担当", ["email"] = "jc-star@example.ipa.go.jp" },
        };
        foreach (var (key, value) in specific)
            data[key] = value;
        return data;
    }
}

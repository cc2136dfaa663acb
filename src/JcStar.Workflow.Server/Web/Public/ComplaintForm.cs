namespace JcStar.Workflow.Server.Web.Public;

/// <summary>What a member of the public types into /complaints/new.</summary>
public sealed record ComplaintForm(string? Name, string? Email, string? Subject, string? Description)
{
    /// <summary>Field name to the resource key of its problem; empty when the form may be sent.</summary>
    public IReadOnlyDictionary<string, string> Problems(int maxLength)
    {
        var problems = new Dictionary<string, string>();
        void Require(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
                problems[field] = "Complaint_Required";
            else if (value.Length > max)
                problems[field] = "Complaint_TooLong";
        }
        Require("name", Name, 200);
        Require("email", Email, 200);
        Require("subject", Subject, 200);
        Require("description", Description, maxLength);
        if (!problems.ContainsKey("email") && !IsPlainAddress(Email!.Trim()))
            problems["email"] = "Complaint_BadEmail";
        return problems;
    }

    /// <summary>One address and nothing else (no display name, no list), so the mail goes to exactly what was typed.</summary>
    private static bool IsPlainAddress(string text) =>
        MimeKit.MailboxAddress.TryParse(text, out var m) && m.Address == text && string.IsNullOrEmpty(m.Name) && text.Contains('@') && !text.Contains(',');
}

using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Forms;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>
/// What the confirmation page needs to know of a draft's procedure: the page that edits it, its problems and the
/// variables it starts the case with. The ★1・★2 self-declaration adds its checklist (<see cref="SelfDeclarationForm"/>);
/// every other procedure is its start form alone.
/// </summary>
public static class DraftForms
{
    public static bool IsSelfDeclaration(ApplicationDraft draft) => draft.ProcessId == SelfDeclarationForm.ProcessId;

    public static string EditPath(ApplicationDraft draft) => IsSelfDeclaration(draft)
        ? $"/portal/apply/self-declaration?draft={draft.Id}"
        : $"/portal/apply/{Uri.EscapeDataString(draft.ProcessId)}?draft={draft.Id}";

    public static Dictionary<string, string[]> Problems(ApplicationDraft draft, FormSchema form, IFormCollection posted) => IsSelfDeclaration(draft)
        ? SelfDeclarationForm.Problems(form, posted)
        : form.Validate(FormValues.Read(form, posted)).Errors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public static ImmutableDictionary<string, JsonElement> Variables(ApplicationDraft draft, FormSchema form, IFormCollection posted) => IsSelfDeclaration(draft)
        ? SelfDeclarationForm.Variables(form, posted)
        : FormValues.Nest(FormValues.Read(form, posted));
}

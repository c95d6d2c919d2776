using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IswPanel.Web.Infrastructure.Mvc;

public static class ModelStateExtensions
{
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "")
    {
        foreach (var (field, messages) in errors)
        {
            var key = prefix.Length == 0 || field.Length == 0 ? field : $"{prefix}.{field}";
            foreach (var message in messages)
                modelState.AddModelError(key, message);
        }
    }
}

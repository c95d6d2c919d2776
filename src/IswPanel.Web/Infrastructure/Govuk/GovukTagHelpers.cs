using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace IswPanel.Web.Infrastructure.Govuk;

/// <summary>
/// Shared behaviour of the GOV.UK form tag helpers: names and ids from asp-for, the value to show
/// (what the user typed when the form comes back with errors), and the error messages.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Make the label the page's h1 (GOV.UK question pages with one question).</summary>
    [HtmlAttributeName("page-heading")]
    public bool IsPageHeading { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");
    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? Name;

    protected IReadOnlyList<string> ErrorsFor(string name) =>
        ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            ? [.. entry.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m))]
            : [];

    protected IReadOnlyList<string> Errors => ErrorsFor(Name);

    /// <summary>The value typed into the form when it comes back; otherwise the model's value.</summary>
    protected string? ValueFor(string name, object? modelValue)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null)
            return entry.AttemptedValue;
        return modelValue switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.GetCultureInfo("en-GB")),
            _ => modelValue.ToString(),
        };
    }

    protected static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    protected string HintHtml(string id) =>
        Hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";

    protected static string ErrorHtml(string id, IReadOnlyList<string> errors) =>
        errors.Count == 0
            ? ""
            : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(string.Join(" ", errors))}</p>";

    protected string DescribedBy(string id, bool hasErrors)
    {
        var ids = new List<string>();
        if (Hint is not null) ids.Add($"{id}-hint");
        if (hasErrors) ids.Add($"{id}-error");
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string LabelHtml(string forId)
    {
        var label = $"<label class=\"govuk-label{(IsPageHeading ? " govuk-label--l" : "")}\" for=\"{forId}\">{Encode(LabelText)}</label>";
        return IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected static void RenderGroup(TagHelperOutput output, bool hasErrors, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasErrors ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");
        output.Content.SetHtmlContent(inner);
    }
}

/// <summary>&lt;govuk-input asp-for="Email" label="Email address" type="email" autocomplete="email" /&gt;</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("input-class")] public string? InputClass { get; set; }
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }
    [HtmlAttributeName("inputmode")] public string? InputMode { get; set; }
    [HtmlAttributeName("spellcheck")] public bool? Spellcheck { get; set; }
    [HtmlAttributeName("prefix")] public string? Prefix { get; set; }
    [HtmlAttributeName("suffix")] public string? Suffix { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var errors = Errors;
        var value = Type == "password" ? null : ValueFor(Name, For.Model);
        var classes = $"govuk-input{(InputClass is null ? "" : " " + InputClass)}{(errors.Count > 0 ? " govuk-input--error" : "")}";
        var attributes = $" id=\"{id}\" name=\"{Encode(Name)}\" type=\"{Type}\"" +
            (value is null ? "" : $" value=\"{Encode(value)}\"") +
            (Autocomplete is null ? "" : $" autocomplete=\"{Autocomplete}\"") +
            (InputMode is null ? "" : $" inputmode=\"{InputMode}\"") +
            (Spellcheck is null ? "" : $" spellcheck=\"{(Spellcheck.Value ? "true" : "false")}\"") +
            DescribedBy(id, errors.Count > 0);
        var input = $"<input class=\"{classes}\"{attributes}>";
        if (Prefix is not null || Suffix is not null)
        {
            input = "<div class=\"govuk-input__wrapper\">" +
                (Prefix is null ? "" : $"<div class=\"govuk-input__prefix\" aria-hidden=\"true\">{Encode(Prefix)}</div>") +
                input +
                (Suffix is null ? "" : $"<div class=\"govuk-input__suffix\" aria-hidden=\"true\">{Encode(Suffix)}</div>") +
                "</div>";
        }

        RenderGroup(output, errors.Count > 0, LabelHtml(id) + HintHtml(id) + ErrorHtml(id, errors) + input);
    }
}

/// <summary>
/// &lt;govuk-file-upload asp-for="Letter" label="The signed letter" hint="A PDF, JPEG or PNG, up to 10 MB" accept=".pdf,.png" /&gt;.
/// A browser cannot be given a file back, so a form that comes back with errors asks for it again.
/// </summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFileUploadTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("accept")] public string? Accept { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var errors = Errors;
        var input = $"<input class=\"govuk-file-upload{(errors.Count > 0 ? " govuk-file-upload--error" : "")}\" id=\"{id}\" name=\"{Encode(Name)}\" type=\"file\"" +
            (Accept is null ? "" : $" accept=\"{Encode(Accept)}\"") + $"{DescribedBy(id, errors.Count > 0)}>";
        RenderGroup(output, errors.Count > 0, LabelHtml(id) + HintHtml(id) + ErrorHtml(id, errors) + input);
    }
}

/// <summary>&lt;govuk-textarea asp-for="Notes" label="Notes" rows="5" /&gt;</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("rows")] public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var errors = Errors;
        var textarea = $"<textarea class=\"govuk-textarea{(errors.Count > 0 ? " govuk-textarea--error" : "")}\" id=\"{id}\" name=\"{Encode(Name)}\" rows=\"{Rows}\"{DescribedBy(id, errors.Count > 0)}>{Encode(ValueFor(Name, For.Model))}</textarea>";
        RenderGroup(output, errors.Count > 0, LabelHtml(id) + HintHtml(id) + ErrorHtml(id, errors) + textarea);
    }
}

/// <summary>&lt;govuk-select asp-for="Region" label="Region" asp-items="Model.Regions" /&gt;</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("asp-items")] public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var errors = Errors;
        var selected = ValueFor(Name, For.Model);
        var options = string.Concat(Items.Select(i =>
            $"<option value=\"{Encode(i.Value)}\"{(i.Value == selected || (selected is null && i.Selected) ? " selected" : "")}>{Encode(i.Text)}</option>"));
        var select = $"<select class=\"govuk-select{(errors.Count > 0 ? " govuk-select--error" : "")}\" id=\"{id}\" name=\"{Encode(Name)}\"{DescribedBy(id, errors.Count > 0)}>{options}</select>";
        RenderGroup(output, errors.Count > 0, LabelHtml(id) + HintHtml(id) + ErrorHtml(id, errors) + select);
    }
}

/// <summary>
/// Radios or checkboxes in a fieldset. For checkboxes, asp-for is a collection and every ticked
/// value is posted under the same name.
/// </summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("asp-items")] public IEnumerable<SelectListItem> Items { get; set; } = [];
    [HtmlAttributeName("legend")] public string? Legend { get; set; }
    [HtmlAttributeName("legend-size")] public string LegendSize { get; set; } = "m";
    [HtmlAttributeName("inline")] public bool Inline { get; set; }
    [HtmlAttributeName("small")] public bool Small { get; set; }

    protected abstract string Kind { get; }
    protected abstract string InputType { get; }
    protected abstract ISet<string> SelectedValues();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var errors = Errors;
        var selected = SelectedValues();
        var legendText = Encode(Legend ?? LabelText);
        var legend = IsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{legendText}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{LegendSize}\">{legendText}</legend>";

        var items = Items.Select((item, index) =>
        {
            // The first option carries the field's own id, so the error summary's link lands on it.
            var itemId = index == 0 ? id : $"{id}_{index}";
            var hint = item is ChoiceItem { Hint: { } h } ? $"<div id=\"{itemId}-item-hint\" class=\"govuk-hint govuk-{Kind}__hint\">{Encode(h)}</div>" : "";
            var describedBy = hint.Length > 0 ? $" aria-describedby=\"{itemId}-item-hint\"" : "";
            return $"<div class=\"govuk-{Kind}__item\"><input class=\"govuk-{Kind}__input\" id=\"{itemId}\" name=\"{Encode(Name)}\" type=\"{InputType}\" value=\"{Encode(item.Value)}\"{(selected.Contains(item.Value) ? " checked" : "")}{(item.Disabled ? " disabled" : "")}{describedBy}>" +
                $"<label class=\"govuk-label govuk-{Kind}__label\" for=\"{itemId}\">{Encode(item.Text)}</label>{hint}</div>";
        });

        var modifiers = (Inline ? $" govuk-{Kind}--inline" : "") + (Small ? $" govuk-{Kind}--small" : "");
        var fieldset = $"<fieldset class=\"govuk-fieldset\"{DescribedBy(id, errors.Count > 0)}>{legend}{HintHtml(id)}{ErrorHtml(id, errors)}" +
            $"<div class=\"govuk-{Kind}{modifiers}\" data-module=\"govuk-{Kind}\">{string.Concat(items)}</div></fieldset>";
        RenderGroup(output, errors.Count > 0, fieldset);
    }
}

/// <summary>A radio or checkbox option with an optional hint under its label.</summary>
public sealed class ChoiceItem : SelectListItem
{
    public ChoiceItem(string text, string value, string? hint = null) : base(text, value) => Hint = hint;

    public string? Hint { get; }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "radios";
    protected override string InputType => "radio";

    protected override ISet<string> SelectedValues()
    {
        var value = ValueFor(Name, For.Model);
        return value is null ? new HashSet<string>() : new HashSet<string> { value };
    }
}

[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "checkboxes";
    protected override string InputType => "checkbox";

    protected override ISet<string> SelectedValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] values => values.ToHashSet(),
                string value => new HashSet<string> { value },
                _ => new HashSet<string>(),
            };
        }

        return For.Model switch
        {
            string value => new HashSet<string> { value },
            System.Collections.IEnumerable values => values.Cast<object?>().Select(v => v?.ToString() ?? "").ToHashSet(),
            _ => new HashSet<string>(),
        };
    }
}

/// <summary>
/// One yes/no checkbox bound to a bool. A hidden "false" follows the box: a ticked box posts "true,false"
/// and MVC binds the first value; an unticked one posts only "false".
/// </summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var errors = Errors;
        var value = ValueFor(Name, For.Model);
        var isChecked = string.Equals(value?.Split(',')[0], "true", StringComparison.OrdinalIgnoreCase);
        var hint = Hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint govuk-checkboxes__hint\">{Encode(Hint)}</div>";
        var html = ErrorHtml(id, errors) +
            $"<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">" +
            $"<input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{Encode(Name)}\" type=\"checkbox\" value=\"true\"{(isChecked ? " checked" : "")}{DescribedBy(id, errors.Count > 0)}>" +
            $"<input type=\"hidden\" name=\"{Encode(Name)}\" value=\"false\">" +
            $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{Encode(LabelText)}</label>{hint}</div></div>";
        RenderGroup(output, errors.Count > 0, html);
    }
}

/// <summary>&lt;govuk-date-input asp-for="InspectedOn" legend="Date of inspection" hint="For example, 27 3 2024" /&gt; bound to <see cref="DateInput"/>.</summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend")] public string? Legend { get; set; }
    [HtmlAttributeName("legend-size")] public string LegendSize { get; set; } = "s";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var errors = new List<string>(Errors);
        foreach (var part in new[] { "Day", "Month", "Year" })
            errors.AddRange(ErrorsFor($"{Name}.{part}"));
        var hasErrors = errors.Count > 0;
        var model = For.Model as DateInput ?? new DateInput();

        string Part(string part, string label, string? value, string width) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
            $"<label class=\"govuk-label govuk-date-input__label\" for=\"{(part == "Day" ? id : $"{id}_{part}")}\">{label}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input {width}{(hasErrors ? " govuk-input--error" : "")}\" id=\"{(part == "Day" ? id : $"{id}_{part}")}\" name=\"{Encode(Name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{Encode(ValueFor($"{Name}.{part}", value))}\"></div></div>";

        var legendText = Encode(Legend ?? LabelText);
        var legend = IsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{legendText}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{LegendSize}\">{legendText}</legend>";
        var html = $"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy(id, hasErrors)}>{legend}{HintHtml(id)}{ErrorHtml(id, errors.Distinct().ToList())}" +
            $"<div class=\"govuk-date-input\" id=\"{id}-group\">" +
            Part("Day", "Day", model.Day, "govuk-input--width-2") +
            Part("Month", "Month", model.Month, "govuk-input--width-2") +
            Part("Year", "Year", model.Year, "govuk-input--width-4") +
            "</div></fieldset>";
        RenderGroup(output, hasErrors, html);
    }
}

/// <summary>
/// The GOV.UK error summary: every error on the page, each linking to its field. Renders nothing
/// when the form is valid.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var items = modelState
            .Where(e => e.Value is { ValidationState: ModelValidationState.Invalid })
            .SelectMany(e => e.Value!.Errors.Select(error => (Field: FieldOf(e.Key), error.ErrorMessage)))
            .Where(e => !string.IsNullOrEmpty(e.ErrorMessage))
            .Distinct()
            .Select(e => e.Field.Length == 0
                ? $"<li>{HtmlEncoder.Default.Encode(e.ErrorMessage)}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(e.Field, "_")}\">{HtmlEncoder.Default.Encode(e.ErrorMessage)}</a></li>");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{string.Concat(items)}</ul></div></div>");
    }

    /// <summary>Errors on a date's Day/Month/Year link to the date input (its Day box carries the field id).</summary>
    private static string FieldOf(string key)
    {
        foreach (var part in new[] { ".Day", ".Month", ".Year" })
            if (key.EndsWith(part, StringComparison.Ordinal)) return key[..^part.Length];
        return key;
    }
}

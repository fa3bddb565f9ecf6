using System.Text;
using Microsoft.CodeAnalysis;

namespace Runtime.Tests.Surface;

/// <summary>
/// The Otp assembly's public surface as C#-like text: every type a user can name and every member a user can call or
/// override (public and protected), with constraints, default values and nullability, in a stable order (types by full
/// name, members by kind then text), so that a change to the surface shows as a few changed lines.
/// </summary>
internal static class PublicApi
{
    private static readonly SymbolDisplayFormat s_member = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters
            | SymbolDisplayGenericsOptions.IncludeTypeConstraints
            | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility
            | SymbolDisplayMemberOptions.IncludeModifiers
            | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeParameters
            | SymbolDisplayMemberOptions.IncludeConstantValue
            | SymbolDisplayMemberOptions.IncludeExplicitInterface
            | SymbolDisplayMemberOptions.IncludeRef,
        kindOptions: SymbolDisplayKindOptions.IncludeMemberKeyword,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType
            | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeParamsRefOut
            | SymbolDisplayParameterOptions.IncludeExtensionThis,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly SymbolDisplayFormat s_typeName = s_member
        .WithGenericsOptions(SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeVariance)
        .WithMemberOptions(SymbolDisplayMemberOptions.None);

    /// <summary>The listing of the Otp assembly this test project runs against.</summary>
    public static string Render()
    {
        var compilation = OtpCompilation.Create("PublicApi");
        var otp = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(OtpCompilation.Otp)!;
        var text = new StringBuilder();
        text.Append("// The public API of the Otp assembly (otp/). Reviewed: see \"Public API\" in otp/README.md.\n");
        foreach (var type in Types(otp.GlobalNamespace).OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal))
        {
            text.Append('\n').Append(Header(type)).Append('\n');
            foreach (var member in Members(type))
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers().SelectMany(Nested).Where(IsVisible))
        {
            yield return type;
        }

        foreach (var inner in ns.GetNamespaceMembers().SelectMany(Types))
        {
            yield return inner;
        }
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) =>
        IsVisible(type) ? type.GetTypeMembers().SelectMany(Nested).Prepend(type) : [];

    // What code outside the assembly can use: public, and protected for types it may derive from.
    private static bool IsVisible(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Accessibility.Public => symbol.ContainingType is null || IsVisible(symbol.ContainingType),
        Accessibility.Protected or Accessibility.ProtectedOrInternal =>
            symbol.ContainingType is { IsSealed: false } owner && IsVisible(owner),
        _ => false,
    };

    private static string Header(INamedTypeSymbol type)
    {
        var header = new StringBuilder(Keyword(type.DeclaredAccessibility));
        if (type.TypeKind == TypeKind.Delegate)
        {
            var invoke = type.DelegateInvokeMethod!;
            return header.Append(" delegate ").Append(invoke.ReturnType.ToDisplayString(s_member)).Append(' ')
                .Append(type.ToDisplayString(s_typeName))
                .Append('(').AppendJoin(", ", invoke.Parameters.Select(p => p.ToDisplayString(s_member))).Append(')')
                .Append(Constraints(type)).ToString();
        }

        if (type.IsStatic)
        {
            header.Append(" static");
        }
        else if (type.IsAbstract && type.TypeKind == TypeKind.Class)
        {
            header.Append(" abstract");
        }
        else if (type.IsSealed && type.TypeKind == TypeKind.Class)
        {
            header.Append(" sealed");
        }

        if (type.IsReadOnly && type.TypeKind == TypeKind.Struct)
        {
            header.Append(" readonly");
        }

        header.Append(' ').Append(type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            { TypeKind: TypeKind.Enum } => "enum",
            _ => "class",
        });
        header.Append(' ').Append(type.ToDisplayString(s_typeName));

        var bases = new List<string>();
        if (type.TypeKind == TypeKind.Enum && type.EnumUnderlyingType!.SpecialType != SpecialType.System_Int32)
        {
            bases.Add(type.EnumUnderlyingType.ToDisplayString(s_member));
        }
        else if (type.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum) } baseType)
        {
            bases.Add(baseType.ToDisplayString(s_member));
        }

        bases.AddRange(type.Interfaces.Where(IsVisible).Select(i => i.ToDisplayString(s_member)).Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            header.Append(" : ").AppendJoin(", ", bases);
        }

        return header.Append(Constraints(type)).ToString();
    }

    // " where T : class" and so on: the part of the full display that follows the type parameter list.
    private static string Constraints(INamedTypeSymbol type)
    {
        var full = type.ToDisplayString(s_member.WithMemberOptions(SymbolDisplayMemberOptions.None));
        var bare = type.ToDisplayString(s_typeName);
        return full.StartsWith(bare, StringComparison.Ordinal) ? full[bare.Length..] : "";
    }

    private static IEnumerable<string> Members(INamedTypeSymbol type) =>
        type.GetMembers()
            .Where(m => m is not INamedTypeSymbol && IsVisible(m) && !IsAccessor(m) && !m.Name.StartsWith('<'))
            .Where(m => type.TypeKind != TypeKind.Delegate)
            .Where(m => !(type.TypeKind == TypeKind.Enum && m is IMethodSymbol))
            .Where(m => !(type.IsRecord && IsSynthesized(m)))
            .Select(m => (Order: Order(m), m.Name, Text: Display(m), Value: (m as IFieldSymbol)?.ConstantValue as IConvertible))
            .OrderBy(m => m.Order)
            .ThenBy(m => type.TypeKind == TypeKind.Enum ? m.Value!.ToInt64(null) : 0)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Text, StringComparer.Ordinal)
            .Select(m => m.Text);

    // The members a record declaration implies (equality, ToString, Deconstruct, the copy constructor): "record" in
    // the type's header says they are there; listing them would only hide the members written by hand.
    private static bool IsSynthesized(ISymbol member) =>
        member.GetAttributes().Any(a => a.AttributeClass?.Name == "CompilerGeneratedAttribute")
        || member is IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters: [var only] } copy
            && SymbolEqualityComparer.Default.Equals(only.Type, copy.ContainingType);

    private static bool IsAccessor(ISymbol member) => member is IMethodSymbol
    {
        MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise,
    };

    private static int Order(ISymbol member) => member switch
    {
        IFieldSymbol => 0,
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => 1,
        IPropertySymbol => 2,
        IEventSymbol => 3,
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } => 5,
        _ => 4,
    };

    private static string Display(ISymbol member)
    {
        var text = member.ToDisplayString(s_member);

        // Roslyn shows an enum member without its accessibility and a field's value only for constants: add both.
        if (member is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum })
        {
            return text;
        }

        if (member is IFieldSymbol { IsReadOnly: true, IsStatic: true, IsConst: false } && !text.Contains(" readonly ", StringComparison.Ordinal))
        {
            text = text.Replace(" static ", " static readonly ", StringComparison.Ordinal);
        }

        return text;
    }

    private static string Keyword(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        _ => accessibility.ToString().ToLowerInvariant(),
    };
}

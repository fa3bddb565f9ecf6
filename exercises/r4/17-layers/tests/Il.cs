using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Layers.Tests;

/// <summary>
/// Reads compiled code: the members a type's method bodies call, create, read or write (the operands of call, callvirt,
/// newobj, ldfld, ldsfld, stfld, ldftn, ldtoken... in their IL), including those of the lambdas, local functions and
/// async state machines the compiler made for it.
/// </summary>
internal static class Il
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The type and every type nested in it (the compiler's closures and state machines are nested types).</summary>
    public static IEnumerable<Type> WithNested(Type type) => new[] { type }.Concat(type.GetNestedTypes(Everything).SelectMany(WithNested));

    /// <summary>Every method and constructor declared in <paramref name="type"/> and its nested types, with a body.</summary>
    public static IEnumerable<MethodBase> Bodies(Type type) =>
        WithNested(type).SelectMany(t => t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)))
            .Where(m => m.GetMethodBody() is not null);

    /// <summary>The members <paramref name="method"/>'s body refers to, in order.</summary>
    public static IEnumerable<MemberInfo> References(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var members = new List<MemberInfo>();
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at];
            at++;
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at]));
                at++;
            }

            if (!OpCodesByValue.TryGetValue(value, out var op))
            {
                break; // not an opcode: stop reading rather than guess
            }

            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    try
                    {
                        members.Add(method.Module.ResolveMember(token, typeArgs, methodArgs)!);
                    }
                    catch (ArgumentException)
                    {
                        // a token that cannot be resolved in this context (rare generic cases): nothing to check
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (BitConverter.ToInt32(il, at) * 4);
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                default:
                    at += 4;
                    break;
            }
        }

        return members;
    }

    /// <summary>Every type <paramref name="member"/> involves: its declaring type, its field, parameter and return types, and their type arguments.</summary>
    public static IEnumerable<Type> TypesOf(MemberInfo member)
    {
        IEnumerable<Type> direct = member switch
        {
            Type type => [type],
            FieldInfo field => [field.DeclaringType!, field.FieldType],
            MethodInfo method => [method.DeclaringType!, method.ReturnType, .. method.GetParameters().Select(p => p.ParameterType), .. method.IsGenericMethod ? method.GetGenericArguments() : []],
            ConstructorInfo constructor => [constructor.DeclaringType!, .. constructor.GetParameters().Select(p => p.ParameterType)],
            _ => member.DeclaringType is { } declaring ? [declaring] : [],
        };
        return direct.SelectMany(Unwrap);
    }

    /// <summary>A type with its element type and type arguments, recursively.</summary>
    public static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return inner;
            }
        }
    }

    /// <summary>True for the closures and state machines the compiler writes.</summary>
    public static bool IsCompilerGenerated(Type type) => type.IsDefined(typeof(CompilerGeneratedAttribute), false);

    /// <summary>A member as a learner reads it: <c>Type.Member</c>.</summary>
    public static string Show(MemberInfo member) => member is Type type ? type.FullName ?? type.Name : $"{member.DeclaringType?.FullName}.{member.Name}";
}

"""Microsoft.PowerShell.Utility cmdlets, through whole sessions: PowerShell text in, what a
user sees out. Expected texts are PowerShell 7's (its documentation's examples where there
are some)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from tests.lang.harness import Result, run


def out(text: str, **kwargs: Any) -> str:
    """Standard output of a script that must not write any error."""
    result = run(text, **kwargs)
    assert result.stderr == "", result.stderr
    return result.stdout


def lines(text: str, **kwargs: Any) -> list[str]:
    return out(text, **kwargs).splitlines()


def error_id(result: Result) -> str:
    """The FullyQualifiedErrorId printed by a script's last line."""
    return result.stdout.splitlines()[-1]


# -- Select-Object ----------------------------------------------------------------------------

OBJ = "$o = [pscustomobject]@{a=1; b=2; c=3; name='x'}\n"


def test_select_properties_makes_a_selected_object() -> None:
    assert lines(OBJ + "$s = $o | Select-Object a, c\n$s | ConvertTo-Json -Compress\n"
                 "$s.PSObject.TypeNames[0]") == [
        '{"a":1,"c":3}', "Selected.System.Management.Automation.PSCustomObject"]


def test_select_uses_the_property_names_of_the_object() -> None:
    assert lines(OBJ + "$o | select NAME, A | ConvertTo-Json -Compress") == [
        '{"name":"x","a":1}']


def test_select_missing_property_is_null() -> None:
    assert lines(OBJ + "$o | select a, nope | ConvertTo-Json -Compress") == [
        '{"a":1,"nope":null}']


def test_select_wildcards_and_exclude() -> None:
    assert lines(OBJ + "$o | select [ab] | ConvertTo-Json -Compress\n"
                 "$o | select * -ExcludeProperty b, n* | ConvertTo-Json -Compress\n"
                 "$o | select -ExcludeProperty c | ConvertTo-Json -Compress") == [
        '{"a":1,"b":2}', '{"a":1,"c":3}', '{"a":1,"b":2,"name":"x"}']


def test_select_calculated_properties() -> None:
    assert lines(OBJ + "$o | select @{n='Double'; e={$_.a * 2}}, @{Label='B'; Expression='b'},"
                 " @{name='t'; expr={'y'}} | ConvertTo-Json -Compress") == [
        '{"Double":2,"B":2,"t":"y"}']


def test_select_script_block_property_is_named_by_its_text() -> None:
    assert lines("1 | select {$_ + 1} | ConvertTo-Json -Compress") == ['{"$_ + 1":2}']


def test_select_selected_type_name_of_a_value() -> None:
    assert lines("(1 | select @{n='x'; e={$_}}).PSObject.TypeNames[0]") == [
        "Selected.System.Int32"]


def test_select_expand_property() -> None:
    assert lines("[pscustomobject]@{n=1,2,3} | Select-Object -ExpandProperty n") == [
        "1", "2", "3"]


def test_select_expand_property_not_found() -> None:
    result = run("[pscustomobject]@{a=1} | Select-Object -ExpandProperty zz; "
                 "$Error[0].FullyQualifiedErrorId")
    assert result.stderr == 'Select-Object: Property "zz" cannot be found.\n'
    assert error_id(result).startswith("ExpandPropertyNotFound,")


@pytest.mark.parametrize(("arguments", "expected"), [
    ("-First 3", "1 2 3"),
    ("-Last 2", "9 10"),
    ("-Skip 8", "9 10"),
    ("-First 2 -Skip 1", "2 3"),
    ("-Last 3 -Skip 2", "6 7 8"),
    ("-SkipLast 8", "1 2"),
    ("-Index 4,0,2", "1 3 5"),
    ("-SkipIndex 1,2,3,4,5,6,7", "1 9 10"),
    ("-First 2 -Last 2", "1 2 9 10"),
    ("-First 0", ""),
])
def test_select_first_last_skip_index(arguments: str, expected: str) -> None:
    assert lines(f"(1..10 | Select-Object {arguments}) -join ' '") == [expected]


def test_select_first_with_overlapping_last() -> None:
    assert lines("(1..3 | select -First 2 -Last 2) -join ' '") == ["1 2 3"]


def test_select_unique_is_case_sensitive_unless_told() -> None:
    assert lines("(1, 2, 2, 'a', 'A', 1 | select -Unique) -join ' '\n"
                 "(1, 2, 2, 'a', 'A' | select -Unique -CaseInsensitive) -join ' '") == [
        "1 2 a A", "1 2 a"]


def test_select_unique_on_properties() -> None:
    assert lines("$x = @{a=1},@{a=1},@{a=2} | % {[pscustomobject]$_} | select a -Unique\n"
                 "$x.a -join ','") == ["1,2"]


def test_select_bad_hashtable_key() -> None:
    result = run("1 | select @{x=1}")
    assert result.stderr == "Select-Object: The x key is not valid.\n"


def test_select_calculated_property_needs_an_expression() -> None:
    result = run("1 | select @{n='x'}")
    assert result.stderr == "Select-Object: A mandatory entry for expression is missing.\n"


def test_select_duplicate_property() -> None:
    result = run("[pscustomobject]@{a=1} | select a, A | ConvertTo-Json -Compress")
    assert result.stdout == '{"a":1}\n'
    assert result.stderr == ('Select-Object: The property cannot be processed because the '
                             'property "a" already exists.\n')


# -- Sort-Object ------------------------------------------------------------------------------


def test_sort_values() -> None:
    assert lines("(3, 1, 2 | Sort-Object) -join ' '\n(3, 1, 2 | sort -Descending) -join ' '\n"
                 "('b', 'a', 'C' | sort) -join ' '\n('b', 'a', 'C' | sort -CaseSensitive) "
                 "-join ' '") == ["1 2 3", "3 2 1", "a b C", "a b C"]


def test_sort_unique_and_top_bottom() -> None:
    assert lines("('a', 'A', 'b', 'a' | sort -Unique) -join ' '\n"
                 "(5, 3, 9, 1 | sort -Top 2) -join ' '\n"
                 "(5, 3, 9, 1 | sort -Bottom 2) -join ' '\n"
                 "(5, 3, 9, 1 | sort -Top 2 -Descending) -join ' '") == [
        "a b", "1 3", "5 9", "9 5"]


def test_sort_is_stable() -> None:
    assert lines("$x = @{k=1; v='a'}, @{k=0; v='b'}, @{k=1; v='c'}, @{k=0; v='d'} |"
                 " % {[pscustomobject]$_}\n($x | sort k).v -join ''\n"
                 "($x | sort k -Descending).v -join ''") == ["bdac", "acbd"]


def test_sort_by_script_block_and_hashtable() -> None:
    assert lines("('aaa', 'b', 'cc' | sort {$_.Length}) -join ' '\n"
                 "$x = @{k=1; v='a'}, @{k=2; v='b'}, @{k=1; v='c'} | % {[pscustomobject]$_}\n"
                 "($x | sort @{e='k'; Descending=$true}, @{e='v'; Descending=$true}).v -join ''"
                 "\n($x | sort @{Expression={$_.k}; Ascending=$false}, v).v -join ''") == [
        "b cc aaa", "bca", "bac"]


def test_sort_missing_property_sorts_last() -> None:
    assert lines("$x = [pscustomobject]@{v=2}, [pscustomobject]@{w=0}, [pscustomobject]@{v=1}"
                 "\n($x | sort v | % { if ($_.v) { $_.v } else { 'none' } }) -join ' '\n"
                 "($x | sort v -Descending | % { if ($_.v) { $_.v } else { 'none' } }) -join ' '"
                 ) == ["1 2 none", "2 1 none"]


def test_sort_null_first() -> None:
    assert lines("$s = 2, $null, 1 | sort\n$null -eq $s[0]\n$s[1..2] -join ' '") == [
        "True", "1 2"]


def test_sort_numbers_not_strings() -> None:
    assert lines("(10, 9, 100 | sort) -join ' '") == ["9 10 100"]


# -- Group-Object -----------------------------------------------------------------------------


def test_group_table_view() -> None:
    assert out("1..20 | Group-Object -Property {$_ % 2}") == (
        "\n"
        "Count Name                      Group\n"
        "----- ----                      -----\n"
        "   10 0                         {2, 4, 6, 8…}\n"
        "   10 1                         {1, 3, 5, 7…}\n"
        "\n")


def test_group_no_element_view_of_hashtables() -> None:
    # the documentation's example 3
    assert out("@(\n @{ name = 'a' ; weight = 7 }\n @{ name = 'b' ; weight = 1 }\n"
               " @{ name = 'c' ; weight = 3 }\n @{ name = 'd' ; weight = 7 }\n"
               ") | Group-Object -Property weight -NoElement") == (
        "\n"
        "Count Name\n"
        "----- ----\n"
        "    1 1\n"
        "    1 3\n"
        "    2 7\n"
        "\n")


def test_group_sorts_names_and_ignores_case() -> None:
    assert lines("'b', 'a', 'B' | group | % { \"$($_.Name)=$($_.Count)\" }") == ["a=1", "b=2"]
    assert lines("'b', 'a', 'B' | group -CaseSensitive | % { \"$($_.Name)=$($_.Count)\" }") == [
        "a=1", "b=1", "B=1"]


def test_group_mixed_types_keep_first_appearance() -> None:
    assert lines("(2, 'x', 1, 2 | group).Name -join ' '") == ["2 x 1"]


def test_group_by_several_properties() -> None:
    assert lines("$x = @{a=1; b='p'}, @{a=1; b='q'}, @{a=1; b='p'} | % {[pscustomobject]$_}\n"
                 "$g = $x | group a, b\n$g.Name -join '|'\n$g[0].Values -join ','\n"
                 "$g[0].Group.Count") == ["1, p|1, q", "1,p", "2"]


def test_group_as_hashtable() -> None:
    assert lines("$h = 'a', 'bb', 'cc' | group Length -AsHashTable\n$h[2] -join ','\n$h[1]\n"
                 "$s = 'a', 'bb' | group Length -AsHashTable -AsString\n$s['2']") == [
        "bb,cc", "a", "bb"]


def test_group_as_string_needs_as_hashtable() -> None:
    result = run("1 | group -AsString; $Error[0].FullyQualifiedErrorId")
    assert result.stderr == (
        "Group-Object: The command cannot be run because the AsString parameter requires that "
        "you specify the AsHashtable parameter.\n")
    assert error_id(result).startswith("ArgumentException,")


# -- Measure-Object ---------------------------------------------------------------------------


def test_measure_count_view() -> None:
    assert out("1..3 | Measure-Object") == (
        "\n"
        "Count             : 3\n"
        "Average           : \n"
        "Sum               : \n"
        "Maximum           : \n"
        "Minimum           : \n"
        "StandardDeviation : \n"
        "Property          : \n"
        "\n")


def test_measure_all_stats() -> None:
    # the documentation's example 8
    assert out("1..5 | Measure-Object -AllStats") == (
        "\n"
        "Count             : 5\n"
        "Average           : 3\n"
        "Sum               : 15\n"
        "Maximum           : 5\n"
        "Minimum           : 1\n"
        "StandardDeviation : 1.58113883008419\n"
        "Property          : \n"
        "\n")


def test_measure_values() -> None:
    assert lines("(1..4 | measure -Sum).Sum\n(1..4 | measure -Average).Average\n"
                 "(@() | measure).Count\n(@(1, $null, 2) | measure).Count\n"
                 "(1.5, 2 | measure -Maximum -Minimum).Maximum\n"
                 "(1 | measure -StandardDeviation).StandardDeviation") == [
        "10", "2.5", "0", "2", "2", "0"]


def test_measure_hashtable_property() -> None:
    # the documentation's example 10
    assert out("@{num=3}, @{num=4}, @{num=5} | Measure-Object -Maximum Num") == (
        "\n"
        "Count             : 3\n"
        "Average           : \n"
        "Sum               : \n"
        "Maximum           : 5\n"
        "Minimum           : \n"
        "StandardDeviation : \n"
        "Property          : num\n"
        "\n")


def test_measure_properties_wildcards_and_blocks() -> None:
    assert lines("$x = @{aa=1; ab=2}, @{aa=3; ab=4} | % {[pscustomobject]$_}\n"
                 "$m = $x | measure a* -Sum\n$m | % { \"$($_.Property)=$($_.Sum)\" }\n"
                 "($x | measure {$_.aa * 10} -Sum).Sum\n"
                 "($x | measure nope).Count") == ["aa=4", "ab=6", "40", "0"]


def test_measure_strings_min_max() -> None:
    assert lines("$m = 'b', 'a', 'c' | measure -Maximum -Minimum\n$m.Maximum\n$m.Minimum\n"
                 "$m.PSObject.TypeNames[0]") == [
        "c", "a", "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"]


def test_measure_non_numeric() -> None:
    result = run("$m = 1, 'a' | measure -Sum; $null -eq $m.Sum; $Error[0].FullyQualifiedErrorId")
    assert result.stderr == 'Measure-Object: Input object "a" is not numeric.\n'
    assert result.stdout.splitlines()[0] == "True"
    assert error_id(result).startswith("NonNumericInputObject,")


def test_measure_text() -> None:
    # the documentation's example 7
    assert lines("$m = 'One', \"Two`nThree\" | Measure-Object -Line\n$m.Lines\n$null -eq $m.Words"
                 "\n$m = 'One, Two', 'Three', 'Four Five' | Measure-Object -Word -Line -Character"
                 "\n\"$($m.Lines) $($m.Words) $($m.Characters)\"\n"
                 "('a b ' | measure -Character -IgnoreWhiteSpace).Characters") == [
        "3", "True", "3 5 22", "2"]


def test_measure_text_view() -> None:
    assert out("'One', 'Two', 'Three', 'Four' | Measure-Object -Character -Line -Word") == (
        "\n"
        "Lines Words Characters Property\n"
        "----- ----- ---------- --------\n"
        "    4     4         15 \n"
        "\n")


# -- Compare-Object ---------------------------------------------------------------------------


def test_compare_view() -> None:
    assert out("Compare-Object 1,2,3 2,3,4") == (
        "\n"
        "InputObject SideIndicator\n"
        "----------- -------------\n"
        "          4 =>\n"
        "          1 <=\n"
        "\n")


def test_compare_include_equal_and_exclude_different() -> None:
    assert lines("Compare-Object 1,2,3 2,3,4 -IncludeEqual | % { \"$($_.InputObject)"
                 "$($_.SideIndicator)\" }") == ["2==", "3==", "4=>", "1<="]
    assert lines("(Compare-Object 1,2,3 2,3,4 -ExcludeDifferent).InputObject -join ' '") == [
        "2 3"]


def test_compare_pipeline_and_case() -> None:
    assert lines("('A', 'b' | Compare-Object -ReferenceObject 'a', 'c').InputObject -join ' '\n"
                 "('A' | Compare-Object 'a' -CaseSensitive).SideIndicator -join ' '") == [
        "b c", "=> <="]


def test_compare_property_and_passthru() -> None:
    assert lines("$r = [pscustomobject]@{n='a'; v=1}, [pscustomobject]@{n='b'; v=2}\n"
                 "$d = [pscustomobject]@{n='a'; v=5}, [pscustomobject]@{n='c'; v=3}\n"
                 "Compare-Object $r $d -Property n | ConvertTo-Json -Compress\n"
                 "(Compare-Object $r $d -Property n -PassThru).v -join ','") == [
        '[{"n":"c","SideIndicator":"=>"},{"n":"b","SideIndicator":"<="}]', "3,2"]


def test_compare_null_reference() -> None:
    result = run("Compare-Object $null 1")
    assert result.stderr == ("Compare-Object: Cannot bind argument to parameter "
                             "'ReferenceObject' because it is null.\n")


# -- Tee-Object, Get-Unique -------------------------------------------------------------------


def test_tee_variable() -> None:
    assert lines("(1..3 | Tee-Object -Variable t | Measure-Object).Count\n$t -join ','") == [
        "3", "1,2,3"]


def test_tee_file(tmp_path: Path) -> None:
    assert lines("'a', 'b' | Tee-Object -FilePath tee.txt", location=tmp_path) == ["a", "b"]
    assert (tmp_path / "tee.txt").read_text(encoding="utf-8") == "a\nb\n"


def test_get_unique() -> None:
    assert lines("(1, 1, 2, 2, 3, 1 | Get-Unique) -join ' '\n('a', 'A', 'A' | Get-Unique) "
                 "-join ' '\n('a', 'A' | Get-Unique -CaseInsensitive) -join ' '\n"
                 "(1, 2, 'a' | Get-Unique -OnType) -join ' '") == ["1 2 3 1", "a A", "a", "1 a"]


# -- Get-Member -------------------------------------------------------------------------------


def test_get_member_view() -> None:
    assert out("[pscustomobject]@{a=1} | Get-Member") == (
        "\n"
        "   TypeName: System.Management.Automation.PSCustomObject\n"
        "\n"
        "Name        MemberType   Definition\n"
        "----        ----------   ----------\n"
        "Equals      Method       bool Equals(System.Object obj)\n"
        "GetHashCode Method       int GetHashCode()\n"
        "GetType     Method       type GetType()\n"
        "ToString    Method       string ToString()\n"
        "a           NoteProperty int a=1\n"
        "\n")


def test_get_member_filters() -> None:
    assert lines("$o = [pscustomobject]@{a=1; ab='x'}\n"
                 "($o | Get-Member -MemberType NoteProperty).Name -join ','\n"
                 "($o | gm -Name a*).Definition -join '|'\n"
                 "($o | gm -Name get* -MemberType Method).Name -join ','\n"
                 "($o | gm -MemberType Properties).Count") == [
        "a,ab", "int a=1|string ab=x", "GetHashCode,GetType", "2"]


def test_get_member_one_listing_per_type() -> None:
    assert lines("(1, 2 | Get-Member).Count -eq (1 | Get-Member).Count\n"
                 "((1, 'a' | Get-Member).TypeName | Get-Unique) -join ','") == [
        "True", "System.Int32,System.String"]


def test_get_member_without_input() -> None:
    result = run("Get-Member; $Error[0].FullyQualifiedErrorId")
    assert result.stderr == "Get-Member: You must specify an object for the Get-Member cmdlet.\n"
    assert error_id(result).startswith("NoObjectInGetMember,")


def test_get_member_static() -> None:
    assert lines("([math] | Get-Member -Static -Name PI).MemberType") == ["Property"]


# -- New-Object, Add-Member -------------------------------------------------------------------


def test_new_object_psobject_with_properties() -> None:
    assert lines("New-Object PSObject -Property ([ordered]@{a=1; b='x'}) | "
                 "ConvertTo-Json -Compress\n"
                 "(New-Object -TypeName PSCustomObject -Property @{z=2}).z") == [
        '{"a":1,"b":"x"}', "2"]


def test_new_object_dotnet_types() -> None:
    assert lines("$l = New-Object System.Collections.ArrayList\n$l.Add('x')\n$l.Count\n"
                 "(New-Object DateTime 2024, 1, 2).ToString('yyyy-MM-dd')\n"
                 "(New-Object -TypeName System.Collections.Generic.List[int]).Count") == [
        "0", "1", "2024-01-02", "0"]


def test_new_object_unknown_type() -> None:
    result = run("New-Object Foo.Bar; $Error[0].FullyQualifiedErrorId")
    assert result.stderr == ("New-Object: Cannot find type [Foo.Bar]: verify that the assembly "
                             "containing this type is loaded.\n")
    assert error_id(result).startswith("TypeNotFound,")


def test_new_object_com() -> None:
    result = run("New-Object -ComObject Shell.Application")
    assert result.stderr == "New-Object: not supported in asrsim: COM objects\n"


def test_add_member_note_properties() -> None:
    assert lines("$o = [pscustomobject]@{a=1}\n"
                 "$o | Add-Member -MemberType NoteProperty -Name b -Value 2\n"
                 "Add-Member -InputObject $o -NotePropertyName c -NotePropertyValue 3\n"
                 "$o | Add-Member -NotePropertyMembers ([ordered]@{d=4; e=5})\n"
                 "$o | ConvertTo-Json -Compress\n"
                 "($o | Add-Member -NotePropertyName f -NotePropertyValue 6 -PassThru).f") == [
        '{"a":1,"b":2,"c":3,"d":4,"e":5}', "6"]


def test_add_member_positional_note_property() -> None:
    assert lines("$o = [pscustomobject]@{}\n$o | Add-Member NoteProperty z 5\n$o.z\n"
                 "$o | Add-Member y 6\n$o.y") == ["5", "6"]
    result = run("$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyName ScriptMethod "
                 "-NotePropertyValue 1")
    assert result.stderr == (
        "Add-Member: Cannot bind parameter 'NotePropertyName'. The parameter NotePropertyName "
        "cannot take values that could be converted to the type "
        "System.Management.Automation.PSMemberTypes. To define the name of a member with those "
        "values, use Add-Member, and specify the member type.\n")


def test_enumeration_parameters() -> None:
    result = run("Write-Host x -ForegroundColor Purple")
    assert result.stderr == (
        "Write-Host: Cannot bind parameter 'ForegroundColor'. Cannot convert value \"Purple\" to "
        "type \"System.ConsoleColor\". Error: \"Unable to match the identifier name Purple to a "
        "valid enumerator name. Specify one of the following enumerator names and try again:\n"
        "Black, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray, DarkGray, "
        "Blue, Green, Cyan, Red, Magenta, Yellow, White\"\n")
    assert lines("([pscustomobject]@{a=1} | Get-Member -MemberType noteproperty).Name\n"
                 "Write-Error x -Category invaliddata -ErrorAction SilentlyContinue\n"
                 "$Error[0].CategoryInfo.Category") == ["a", "InvalidData"]


def test_add_member_script_members() -> None:
    assert lines("$o = [pscustomobject]@{a=1; b=2}\n"
                 "$o | Add-Member -MemberType ScriptProperty -Name Sum -Value { $this.a + $this.b }"
                 "\n$o | Add-Member -MemberType ScriptMethod -Name Times -Value "
                 "{ param($x) $this.a * $x }\n"
                 "$o | Add-Member -MemberType AliasProperty -Name First -Value a\n"
                 "$o.Sum\n$o.b = 10\n$o.Sum\n$o.Times(21)\n$o.First") == ["3", "11", "21", "1"]


def test_add_member_existing_needs_force() -> None:
    result = run("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName a "
                 "-NotePropertyValue 2; $o.a; $Error[0].FullyQualifiedErrorId; "
                 "$o | Add-Member -NotePropertyName a -NotePropertyValue 3 -Force; $o.a")
    assert result.stderr == (
        'Add-Member: Cannot add a member with the name "a" because a member with that name '
        "already exists. To overwrite the member anyway, add the Force parameter to your "
        "command.\n")
    out_lines = result.stdout.splitlines()
    assert out_lines[0] == "1"
    assert out_lines[1].startswith("MemberAlreadyExists,")
    assert out_lines[2] == "3"


def test_add_member_type_name() -> None:
    assert lines("$o = [pscustomobject]@{a=1}\n$o | Add-Member -TypeName My.Thing\n"
                 "$o.PSObject.TypeNames[0]") == ["My.Thing"]


# -- Write-* ----------------------------------------------------------------------------------


def test_write_output() -> None:
    assert lines("(Write-Output 1,2,3 | Measure-Object).Count\n"
                 "(Write-Output -NoEnumerate 1,2,3 | Measure-Object).Count\n"
                 "echo a b\nwrite 'c'") == ["3", "1", "a", "b", "c"]


def test_write_host() -> None:
    assert out("Write-Host a b -Separator ','\nWrite-Host -NoNewline x\nWrite-Host y\n"
               "Write-Host @(1, 2, 3)\nWrite-Host (1..3) -Separator '-'\nWrite-Host\n"
               "Write-Host 'a' '' 'b'\n'p', 'q' | Write-Host -ForegroundColor Red") == (
        "a,b\nxy\n1 2 3\n1-2-3\n\na b\np\nq\n")


def test_write_host_colour_goes_to_the_host() -> None:
    host = BufferHost()
    session = Session(host=host, seed=1)
    session.run("Write-Host hi -ForegroundColor Green -BackgroundColor Black")
    assert ("host", "hi\n") in host.streams


def test_write_error_at_top_level() -> None:
    result = run("Write-Error 'boom'; $Error[0].FullyQualifiedErrorId; "
                 "$Error[0].CategoryInfo.Category; "
                 "Write-Error 'bad data' -Category InvalidData -ErrorId My.Id; "
                 "$Error[0].FullyQualifiedErrorId; $Error[0].CategoryInfo.Category")
    assert result.stderr == "Write-Error: boom\nWrite-Error: bad data\n"
    assert result.stdout.splitlines() == [
        "Microsoft.PowerShell.Commands.WriteErrorException", "NotSpecified", "My.Id",
        "InvalidData"]


def test_write_error_in_a_function_is_reported_at_the_caller() -> None:
    result = run("function Get-Thing { Write-Error 'no thing' }\nGet-Thing\n"
                 "$Error[0].FullyQualifiedErrorId")
    assert result.stderr.startswith("Get-Thing:")
    assert "no thing" in result.stderr
    assert result.stdout.splitlines() == [
        "Microsoft.PowerShell.Commands.WriteErrorException,Get-Thing"]


def test_write_error_stop_is_catchable() -> None:
    assert lines("try { Write-Error 'stop here' -ErrorAction Stop } catch { \"caught: $_\" }"
                 ) == ["caught: stop here"]


def test_write_streams() -> None:
    result = run("Write-Warning 'careful'\nWrite-Verbose 'hidden'\nWrite-Verbose 'shown' -Verbose"
                 "\nWrite-Debug 'dbg'\nWrite-Debug 'dbg2' -Debug\nWrite-Information 'info'\n"
                 "Write-Information 'info2' -InformationAction Continue\n"
                 "'piped' | Write-Warning")
    assert result.stderr == ("WARNING: careful\nVERBOSE: shown\nDEBUG: dbg2\nWARNING: piped\n")
    assert result.stdout == "info2\n"


def test_write_information_reserved_tag() -> None:
    result = run("Write-Information 'x' -Tags PSHost")
    assert result.stderr == ("Write-Information: Cannot use tag 'PSHost'. The 'PS' prefix is "
                             "reserved.\n")


def test_write_progress() -> None:
    assert run("Write-Progress -Activity Copying -Status Half -PercentComplete 50").stdout == ""
    host = BufferHost(inputs=["unused"])
    Session(host=host, seed=1).run(
        "Write-Progress -Activity Copying -Status Half -PercentComplete 50\n"
        "Write-Progress -Activity Copying -Completed")
    assert [t for s, t in host.streams if s == "progress"] == [
        "Copying: Half [50%]\n", "Copying: Completed\n"]


# -- Out-* ------------------------------------------------------------------------------------


def test_out_null_and_out_host() -> None:
    assert out("1..3 | Out-Null\n'x' | Out-Host") == "x\n"


def test_out_host_paging() -> None:
    assert run("1 | Out-Host -Paging").stderr == (
        "Out-Host: not supported in asrsim: Out-Host -Paging\n")


def test_out_string() -> None:
    assert lines("$s = 1, 2 | Out-String\n$s.Length\n('a', 'b' | Out-String -Stream).Count\n"
                 "'a', 'b' | Out-String -NoNewline") == ["4", "2", "ab"]


def test_out_string_of_a_table() -> None:
    assert out("[pscustomobject]@{Name='a'; Value=1} | Out-String -Stream | % { \"[$_]\" }") == (
        "[]\n[Name Value]\n[---- -----]\n[a        1]\n[]\n")


def test_out_file(tmp_path: Path) -> None:
    out("'one', 'two' | Out-File out.txt\n'three' | Out-File out.txt -Append\n"
        "[pscustomobject]@{a=1} | Out-File -FilePath obj.txt", location=tmp_path)
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "one\ntwo\nthree\n"
    assert (tmp_path / "obj.txt").read_text(encoding="utf-8") == "\na\n-\n1\n\n"


def test_out_file_no_clobber(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("keep", encoding="utf-8")
    result = run("'new' | Out-File x.txt -NoClobber", location=tmp_path)
    assert "already exists" in result.stderr
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "keep"


# -- Format-* ---------------------------------------------------------------------------------


def test_format_table() -> None:
    assert out("[pscustomobject]@{Name='web01'; CPU=2}, [pscustomobject]@{Name='db'; CPU=16}"
               " | Format-Table") == (
        "\n"
        "Name  CPU\n"
        "----  ---\n"
        "web01   2\n"
        "db     16\n"
        "\n")


def test_format_table_properties_and_calculated_columns() -> None:
    assert out("[pscustomobject]@{Name='web01'; CPU=2; Mem=4} | Format-Table Name, "
               "@{Label='GB'; Expression={$_.Mem}; Width=6; Alignment='Left'}") == (
        "\n"
        "Name  GB\n"
        "----  --\n"
        "web01 4\n"
        "\n")


def test_format_table_hide_headers_and_out_string() -> None:
    assert lines("$t = [pscustomobject]@{a=1; b=2} | Format-Table -HideTableHeaders | "
                 "Out-String\n$t.Trim()") == ["1 2"]


def test_format_list() -> None:
    assert out("[pscustomobject]@{a=1; bb='x'} | Format-List") == (
        "\n"
        "a  : 1\n"
        "bb : x\n"
        "\n")
    assert out("[pscustomobject]@{a=1; bb='x'} | Format-List bb") == "\nbb : x\n\n"


def test_format_wide() -> None:
    assert out("'a', 'b', 'c' | % { [pscustomobject]@{Name=$_} } | Format-Wide -Column 3") == (
        "\n"
        "a                                        b                                       c\n"
        "\n")


def test_format_wide_autosize_and_column_conflict() -> None:
    result = run("'a' | Format-Wide -AutoSize -Column 2")
    assert result.stderr == ("Format-Wide: Cannot specify both the AutoSize and Column "
                             "parameters.\n")


# -- JSON -------------------------------------------------------------------------------------


def test_convertto_json_layout() -> None:
    assert out("[ordered]@{a=1; b=@(1, 'two'); c=$null; d=$true; e='q\"\\'; f=@{}; g=@();"
               " h=1.5; i=[double]2} | ConvertTo-Json") == (
        "{\n"
        '  "a": 1,\n'
        '  "b": [\n'
        "    1,\n"
        '    "two"\n'
        "  ],\n"
        '  "c": null,\n'
        '  "d": true,\n'
        '  "e": "q\\"\\\\",\n'
        '  "f": {},\n'
        '  "g": [],\n'
        '  "h": 1.5,\n'
        '  "i": 2.0\n'
        "}\n")


def test_convertto_json_compress_and_arrays() -> None:
    assert lines("[pscustomobject]@{a=1; b=@{c='d'}} | ConvertTo-Json -Compress\n"
                 "1, 2 | ConvertTo-Json -Compress\n1 | ConvertTo-Json -AsArray -Compress\n"
                 "ConvertTo-Json @(1, 2) -Compress\n'x' | ConvertTo-Json\n"
                 "$null | ConvertTo-Json") == [
        '{"a":1,"b":{"c":"d"}}', "[1,2]", "[1]", "[1,2]", '"x"', "null"]


def test_convertto_json_depth_warning() -> None:
    result = run("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json")
    assert result.stderr == ("WARNING: Resulting JSON is truncated as serialization has "
                             "exceeded the set depth of 2.\n")
    assert result.stdout == (
        "{\n"
        '  "a": {\n'
        '    "b": {\n'
        '      "c": "System.Collections.Hashtable"\n'
        "    }\n"
        "  }\n"
        "}\n")
    assert run("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Depth 3 -Compress").stdout == (
        '{"a":{"b":{"c":{"d":1}}}}\n')


def test_convertto_json_dates_and_escapes() -> None:
    assert lines("[datetime]'2024-01-02T03:04:05.5' | ConvertTo-Json\n"
                 "\"a`tb`u{1}\" | ConvertTo-Json\n'<é>' | ConvertTo-Json\n"
                 "'<é>' | ConvertTo-Json -EscapeHandling EscapeHtml\n"
                 "(New-TimeSpan -Seconds 90 | ConvertTo-Json -Compress).Substring(0, 33)") == [
        '"2024-01-02T03:04:05.5"', '"a\\tb\\u0001"', '"<é>"', '"\\u003cé\\u003e"',
        '{"Ticks":900000000,"Days":0,"Hour']


def test_convertfrom_json_objects() -> None:
    assert lines("$o = '{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"x\"},\"e\":null,\"f\":2.5}' | "
                 "ConvertFrom-Json\n$o.c.d\n$o.b.Count\n$o.a + $o.f\n$null -eq $o.e\n"
                 "$o.PSObject.TypeNames[0]\n$o | ConvertTo-Json -Compress") == [
        "x", "2", "3.5", "True", "System.Management.Automation.PSCustomObject",
        '{"a":1,"b":[1,2],"c":{"d":"x"},"e":null,"f":2.5}']


def test_convertfrom_json_arrays_enumerate() -> None:
    assert lines("('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count\n"
                 "('[1,2,3]' | ConvertFrom-Json -NoEnumerate | Measure-Object).Count\n"
                 "(ConvertFrom-Json '[]' -NoEnumerate).Count") == ["3", "1", "0"]


def test_convertfrom_json_lines_of_one_document() -> None:
    assert lines("$o = '{', '\"a\": 1', '}' | ConvertFrom-Json\n$o.a\n"
                 "('1', '2' | ConvertFrom-Json) -join ','") == ["1", "1,2"]


def test_convertfrom_json_as_hashtable_and_dates() -> None:
    assert lines("$h = '{\"a\":1,\"b\":{\"c\":2}}' | ConvertFrom-Json -AsHashtable\n$h['a']\n"
                 "$h.b.c\n($h.Keys) -join ','\n"
                 "$d = ('{\"d\":\"2024-01-02T03:04:05\"}' | ConvertFrom-Json).d\n"
                 "$d -is [datetime]\n$d.Year\n"
                 "('{\"d\":\"2024-01-02\"}' | ConvertFrom-Json).d -is [string]") == [
        "1", "2", "a,b", "True", "2024", "True"]


def test_convertfrom_json_errors() -> None:
    result = run("try { '{\"a\":' | ConvertFrom-Json } catch { $_.Exception.Message; "
                 "$_.FullyQualifiedErrorId; $_.CategoryInfo.Category }")
    message, error, category = result.stdout.splitlines()
    assert message == ("Conversion from JSON failed with error: Unexpected end when reading "
                       "JSON. Path 'a', line 1, position 5.")
    assert error.startswith("System.ArgumentException,")
    assert category == "ParserError"
    result = run("'{\"a\":1,\"A\":2}' | ConvertFrom-Json")
    assert result.stderr == (
        "ConvertFrom-Json: Cannot convert the JSON string because it contains keys with "
        "different casing. Please use the -AsHashTable switch instead. The key that was "
        "attempted to be added to the existing key 'a' was 'A'.\n")


def test_convertfrom_json_lenient_input() -> None:
    assert lines("$o = \"{ // comment`n 'a': 1, b: 'x' }\" | ConvertFrom-Json\n\"$($o.a)$($o.b)\""
                 ) == ["1x"]


# -- CSV --------------------------------------------------------------------------------------

CSV_OBJECTS = ("$x = [pscustomobject]@{Name='web01'; Note='a,b'; Size=2},"
               " [pscustomobject]@{Name='db'; Note='say \"hi\"'; Size=$null}\n")


def test_convertto_csv() -> None:
    assert lines(CSV_OBJECTS + "$x | ConvertTo-Csv") == [
        '"Name","Note","Size"', '"web01","a,b","2"', '"db","say ""hi""",']


def test_convertto_csv_options() -> None:
    assert lines(CSV_OBJECTS + "$x | ConvertTo-Csv -UseQuotes AsNeeded\n"
                 "$x | ConvertTo-Csv -Delimiter ';' -UseQuotes Never -NoHeader\n"
                 "$x[0] | ConvertTo-Csv -IncludeTypeInformation -QuoteFields Name\n"
                 "$x[0] | ConvertTo-Csv -NoTypeInformation | Select-Object -First 1") == [
        "Name,Note,Size", 'web01,"a,b",2', 'db,"say ""hi""",',
        "web01;a,b;2", 'db;say "hi";',
        "#TYPE System.Management.Automation.PSCustomObject", '"Name",Note,Size',
        '"web01",a,b,2',
        '"Name","Note","Size"']


def test_convertto_csv_hashtable() -> None:
    assert lines("[ordered]@{a=1; b=2} | ConvertTo-Csv") == ['"a","b"', '"1","2"']


def test_convertfrom_csv() -> None:
    assert lines("$r = 'a,b', '1,\"x,y\"', '', '3' | ConvertFrom-Csv\n$r.Count\n$r[0].b\n"
                 "$null -eq $r[1].b\n$r[0] | ConvertTo-Json -Compress\n"
                 "('1;2' | ConvertFrom-Csv -Delimiter ';' -Header p, q).q") == [
        "2", "x,y", "True", '{"a":"1","b":"x,y"}', "2"]


def test_export_and_import_csv(tmp_path: Path) -> None:
    assert lines(CSV_OBJECTS + "$x | Export-Csv data.csv\n"
                 "[pscustomobject]@{Name='app'; Note=''; Size=1} | Export-Csv data.csv -Append\n"
                 "$i = Import-Csv data.csv\n$i.Count\n$i[0].Note\n$i[1].Note\n$i[2].Name\n"
                 "$i[1].Size -eq ''", location=tmp_path) == [
        "3", "a,b", 'say "hi"', "app", "True"]
    assert (tmp_path / "data.csv").read_text(encoding="utf-8") == (
        '"Name","Note","Size"\n"web01","a,b","2"\n"db","say ""hi""",\n"app","","1"\n')


def test_import_csv_missing_file(tmp_path: Path) -> None:
    result = run("Import-Csv nope.csv", location=tmp_path)
    assert result.stderr.startswith("Import-Csv: ")
    assert "nope.csv" in result.stderr


# -- dates, time spans, sleeping --------------------------------------------------------------


def test_get_date_format_and_parts() -> None:
    assert lines("Get-Date -Date '2024-01-02 03:04:05' -Format 'yyyy-MM-dd HH:mm'\n"
                 "(Get-Date -Date '2020-01-01' -Month 2 -Day 30).ToString('yyyy-MM-dd')\n"
                 "Get-Date -Date '2024-03-04 05:06:07' -UFormat '%Y/%m/%d %H:%M:%S %A %j'\n"
                 "Get-Date -UnixTimeSeconds 86400 -Format 'yyyy-MM-dd HH:mm'\n"
                 "Get-Date -Date '2024-01-02 03:04:05' -Format FileDateTime\n"
                 "(Get-Date) -is [datetime]") == [
        "2024-01-02 03:04", "2020-03-01", "2024/03/04 05:06:07 Monday 064",
        "1970-01-02 00:00", "20240102T0304050000", "True"]


def test_get_date_display() -> None:
    assert out("Get-Date -Date '2024-01-02 15:04:05'") == (
        "\nTuesday, January 2, 2024 3:04:05 PM\n\n")


class _Clock:
    mode = "manual"
    speed = 1.0


class _World:
    """The part of a simulated world the session asks for time."""

    seed = 7

    def __init__(self) -> None:
        self.moment = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def clock(self) -> _Clock:
        return _Clock()

    def advance(self, delta: timedelta) -> None:
        self.moment += delta


def test_start_sleep_advances_the_world_clock() -> None:
    world = _World()
    result = run("(Get-Date).ToString('HH:mm:ss')\nStart-Sleep 30\n"
                 "(Get-Date).ToString('HH:mm:ss')\nStart-Sleep -Milliseconds 1500\n"
                 "Start-Sleep -Duration (New-TimeSpan -Minutes 2)\nsleep 0.5\n"
                 "(Get-Date).ToString('HH:mm:ss')\n(Get-Date -AsUTC).Kind",
                 session=Session(host=BufferHost(), world=world))
    assert result.stderr == ""
    assert result.stdout.splitlines() == ["08:00:00", "08:00:30", "08:02:32", "Utc"]


def test_start_sleep_needs_a_duration() -> None:
    result = run("Start-Sleep")
    assert "missing mandatory parameters: Seconds" in result.stderr


def test_new_timespan() -> None:
    assert lines("(New-TimeSpan -Start '2024-01-01' -End '2024-01-02 06:00').TotalHours\n"
                 "(New-TimeSpan -Hours 1 -Minutes 30).TotalMinutes\n"
                 "(New-TimeSpan -Days 1).ToString()") == ["30", "90", "1.00:00:00"]


def test_get_culture() -> None:
    assert lines("(Get-Culture).Name\n(Get-Culture).LCID\n\"$(Get-Culture)\"") == [
        "en-US", "1033", "en-US"]


# -- Get-Random -------------------------------------------------------------------------------


def test_get_random_numbers() -> None:
    assert lines("$r = Get-Random -Maximum 10\n$r -ge 0 -and $r -lt 10 -and $r -is [int]\n"
                 "$r = Get-Random -Minimum 5 -Maximum 6\n$r\n"
                 "$r = Get-Random -Maximum 1.0\n$r -is [double] -and $r -lt 1\n"
                 "(Get-Random) -ge 0\n(Get-Random -Maximum 100 -Count 5).Count") == [
        "True", "5", "True", "True", "5"]


def test_get_random_seed_repeats() -> None:
    assert lines("$a = Get-Random -SetSeed 42 -Maximum 1000\n$b = Get-Random -SetSeed 42 "
                 "-Maximum 1000\n$a -eq $b\n$c = 1..10 | Get-Random -SetSeed 3 -Count 3\n"
                 "$d = 1..10 | Get-Random -SetSeed 3 -Count 3\n($c -join ',') -eq ($d -join ',')"
                 ) == ["True", "True"]


def test_get_random_from_a_collection() -> None:
    assert lines("$p = 1..10 | Get-Random -Count 3\n$p.Count\n($p | Get-Unique).Count\n"
                 "$s = Get-Random -InputObject (1..5) -Shuffle\n($s | sort) -join ','\n"
                 "(Get-Random -InputObject 'only')") == ["3", "3", "1,2,3,4,5", "only"]


def test_get_random_sessions_are_reproducible() -> None:
    script = "(1..5 | % { Get-Random -Maximum 1000 }) -join ','"
    assert run(script).stdout == run(script).stdout


def test_get_random_min_not_below_max() -> None:
    result = run("Get-Random -Minimum 10 -Maximum 5; $Error[0].FullyQualifiedErrorId")
    assert result.stderr == ("Get-Random: The Minimum value (10) cannot be greater than or "
                             "equal to the Maximum value (5).\n")
    assert error_id(result).startswith("MinGreaterThanOrEqualMax,")


# -- Join-String, Select-String ---------------------------------------------------------------


def test_join_string() -> None:
    assert lines("1..3 | Join-String -Separator ','\n1..3 | Join-String\n"
                 "'a', 'b' | Join-String -SingleQuote -Separator ', '\n"
                 "'a', 'b' | Join-String -DoubleQuote -OutputPrefix '[' -OutputSuffix ']' "
                 "-Separator ','\n1, 2 | Join-String -FormatString '<{0:00}>'\n"
                 "[pscustomobject]@{n='x'}, [pscustomobject]@{n='y'} | Join-String n '; '\n"
                 "1..3 | Join-String {$_ * 2} -Separator '+'") == [
        "1,2,3", "123", "'a', 'b'", '["a","b"]', "<01><02>", "x; y", "2+4+6"]


def test_select_string_on_input() -> None:
    assert lines("'apple', 'banana', 'cherry' | Select-String 'an'\n"
                 "('apple', 'banana', 'cherry' | Select-String 'an' -NotMatch) -join ' '\n"
                 "('a.b', 'ab' | Select-String '.' -SimpleMatch).Line\n"
                 "('Apple' | Select-String 'apple' -CaseSensitive) -eq $null\n"
                 "('banana' | Select-String 'an' -AllMatches).Matches.Count\n"
                 "('banana' | Select-String 'an').Matches[0].Index\n"
                 "('x', 'y', 'x' | Select-String 'x').LineNumber -join ','\n"
                 "'x' | Select-String 'x' -Quiet\n"
                 "('abc' | Select-String 'b' -Raw).GetType().Name") == [
        "", "banana", "", "apple cherry", "a.b", "True", "2", "1", "1,3", "True", "String"]


def test_select_string_in_files(tmp_path: Path) -> None:
    (tmp_path / "log.txt").write_text("start\nerror: disk\nok\nerror: net\n", encoding="utf-8")
    assert lines("Select-String -Path log.txt -Pattern '^error'\n"
                 "(Select-String error log.txt -List).LineNumber", location=tmp_path) == [
        "", "log.txt:2:error: disk", "log.txt:4:error: net", "", "2"]


def test_select_string_context() -> None:
    assert lines("'a', 'b', 'c', 'd' | Select-String 'c' -Context 1") == [
        "", "  b", "> c", "  d", ""]


def test_select_string_bad_pattern() -> None:
    result = run("'a' | Select-String '('")
    assert result.stderr.startswith("Select-String: ")


# -- more files and formats -------------------------------------------------------------------


def test_tee_append_and_out_file_encoding(tmp_path: Path) -> None:
    out("1, 2 | Tee-Object -FilePath t.txt | Out-Null\n3 | Tee-Object t.txt -Append | Out-Null\n"
        "'é' | Out-File bom.txt -Encoding utf8BOM\n'é' | Out-File plain.txt",
        location=tmp_path)
    assert (tmp_path / "t.txt").read_text(encoding="utf-8") == "1\n2\n3\n"
    assert (tmp_path / "bom.txt").read_bytes() == b"\xef\xbb\xbf\xc3\xa9\n"
    assert (tmp_path / "plain.txt").read_bytes() == b"\xc3\xa9\n"


def test_import_csv_with_type_line_and_header(tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(
        '#TYPE My.Row\n"Name","Size"\n"a","1"\n"b","2"\n', encoding="utf-8")
    assert lines("$r = Import-Csv in.csv\n$r[1].Size\n$r[0].PSObject.TypeNames[0]\n"
                 "(Import-Csv in.csv -Header X, Y)[1].X", location=tmp_path) == [
        "2", "CSV:My.Row", "Name"]


def test_export_csv_no_clobber(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("keep\n", encoding="utf-8")
    result = run("[pscustomobject]@{a=1} | Export-Csv x.csv -NoClobber", location=tmp_path)
    assert "already exists" in result.stderr
    assert (tmp_path / "x.csv").read_text(encoding="utf-8") == "keep\n"


def test_format_table_group_by_and_list_calculated() -> None:
    assert out("[pscustomobject]@{g='x'; v=1}, [pscustomobject]@{g='x'; v=2}, "
               "[pscustomobject]@{g='y'; v=3} | Format-Table v -GroupBy g") == (
        "\n   g: x\n\nv\n-\n1\n2\n\n   g: y\n\nv\n-\n3\n\n")
    assert out("[pscustomobject]@{a=2} | Format-List @{n='Twice'; e={$_.a * 2}}, a") == (
        "\nTwice : 4\na     : 2\n\n")


def test_select_expand_hashtable_member() -> None:
    assert lines("(@{a=1; b=2} | Select-Object -ExpandProperty Keys | Sort-Object) -join ','\n"
                 "(@{a=1; b=2} | Select-Object b).b") == ["a,b", "2"]


def test_uformat_specifiers() -> None:
    assert lines("Get-Date -Date '2024-03-04 15:06:07' -UFormat "
                 "'%c|%C|%k|%l|%s|%U|%u|%V|%W|%w|%G|%q'") == [
        "Mon 04 Mar 2024 15:06:07|20|15| 3|1709564767|09|1|10|9|1|2024|q"]

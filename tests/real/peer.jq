# peer.jq -- compares pilcrow's answer for one peer case with the value the
# other parser expects, by the rules of the peer cases' README.
# Input: the case (.field, .expected); $ours: pilcrow's first cable (or null).
# Output: one line, tab-separated: RESULT EXPECTED OURS.
def up: ascii_upcase;
def collapse: gsub("\\s+"; " ") | sub("^ "; "") | sub(" $"; "");
def shown: if type == "array" then join("; ") elif . == null then "" else tostring end;
. as $case
| ($ours // {}) as $o
| (if $case.field == "tags" then
     [(($o.tags // []) | map(collapse | up) | unique), ($case.expected | map(collapse | up) | unique)]
     | [(.[0] == .[1]), ($o.tags // [])]
   elif $case.field == "subject" then
     [((($o.subject // "") | collapse | up) == ($case.expected | collapse | up)), $o.subject]
   elif $case.field == "references" then
     ([($o.references // [])[] | .id | select(. != null)] | unique) as $ids
     | [($ids == ($case.expected | unique)), $ids]
   elif $case.field == "nondisclosure_deadline" then
     [(if $case.expected then $o.declassify == $case.expected
       else ($o.declassify == null or ($o.declassify | test("^[0-9]{4}-") | not)) end), $o.declassify]
   elif $case.field == "signers" then
     [(if ($case.expected | length) > 0
       then (($o.signer // "") | up) as $s | all($case.expected[]; . as $e | $s | contains($e | up))
       else ($o.signer // "") == "" end), $o.signer]
   elif $case.field == "classified_by" then
     [(if ($case.expected | length) > 0
       then (($o.classified_by // "") | collapse | up) as $s
            | all($case.expected[]; . as $e | $s | contains($e | collapse | up))
       else ($o.classified_by // "") == "" end), $o.classified_by]
   else [false, null] end) as $r
| [(if $ours == null then "disagree" elif $r[0] then "agree" else "disagree" end),
   ($case.expected | shown), (if $ours == null then "(no output)" else ($r[1] | shown) end)]
| map(gsub("[\t\n\r]"; " ")) | join("\t")

// The trigger lint of `factlint kb-check` (LintKbTriggers, kb.h): not run by LoadKb, so a KB with
// generic triggers loads. It runs the loader (kb_loader.h) with the word lists of
// kb/generic_triggers.json, and after the cross-checks, when they found nothing, KbLoader::
// LintTriggers reports each trigger made only of generic words or numbers, and each trigger whose
// non-generic words are those of another event's trigger.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "json_pos.h"
#include "kb.h"
#include "kb_loader.h"
#include "text.h"

namespace factlint {
namespace kb_load {

// The word lists of the trigger lint (kb/generic_triggers.json): every word that does not tell one
// event from another, folded.
struct TriggerWords {
  std::unordered_set<std::string> generic;   // every list
  std::unordered_set<std::string> function;  // "function_words" only: a, the, of, in...
  std::unordered_set<std::string> months;    // "months" only: a month and its day name one day
};

namespace {

// A calendar day in a trigger names it ("September 11 attacks", "Jan. 6 riot", "7 October
// attack", "9/11 attacks", "7/7 bombings"): a month word next to a day number, or a d/m token.
bool NamesCalendarDay(std::string_view trigger, const std::vector<std::string>& words,
                      const std::unordered_set<std::string>& months) {
  auto day = [](const std::string& w) {
    if (w.empty() || w.size() > 2 || w[0] < '0' || w[0] > '9' || (w.size() == 2 && (w[1] < '0' || w[1] > '9')))
      return false;
    const int d = std::stoi(w);
    return d >= 1 && d <= 31;
  };
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if ((months.count(words[i]) && day(words[i + 1])) || (day(words[i]) && months.count(words[i + 1]))) return true;
  for (size_t i = 1; i + 1 < trigger.size(); ++i) {
    const bool left = trigger[i - 1] >= '0' && trigger[i - 1] <= '9';
    const bool right = trigger[i + 1] >= '0' && trigger[i + 1] <= '9';
    if (trigger[i] == '/' && left && right) return true;
  }
  return false;
}

// A trigger's words: Fold() (case, diacritics), split at every ASCII byte that is not a letter or
// digit (UTF-8 letters stay in their word).
std::vector<std::string> TriggerWordsOf(std::string_view trigger) {
  const std::string folded = Fold(trigger);
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// 2024, 1990s, 2nd, 21st: a number, which never makes a trigger specific on its own.
bool IsNumberWord(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0) return false;
  const std::string_view rest = w.substr(digits);
  return rest.empty() || rest == "s" || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
}

}  // namespace

// --- the trigger lint (kb-check only) -------------------------------------------------------

// A trigger whose every word is generic (kb/generic_triggers.json) or a number names no event
// in particular; two events whose triggers have the same words once function words (a, the,
// of...) are dropped cannot be told apart by them ("Helsinki summit" on three summits, "the
// invasion of Ukraine" and "invasion of Ukraine"). Both are reported at the trigger (the later
// one for a shared trigger, naming the earlier).
void KbLoader::LintTriggers() {
  struct Owner {
    size_t event, trigger;
  };
  std::unordered_map<std::string, Owner> by_key;
  for (size_t i = 0; i < events_.size(); ++i) {
    const RawEvent& e = events_[i];
    for (size_t j = 0; j < e.value.triggers.size(); ++j) {
      const std::string_view trigger = e.value.triggers[j];
      auto path = [&] {
        std::string p = ItemPath("events", e.index, "triggers");
        AppendPointerIndex(&p, j);
        return p;
      };
      std::string key;
      bool specific = false;
      const std::vector<std::string> words = TriggerWordsOf(trigger);
      if (NamesCalendarDay(trigger, words, lint_->months)) specific = true;
      for (const std::string& w : words) {
        if (!lint_->generic.count(w) && !IsNumberWord(w)) specific = true;
        if (lint_->function.count(w)) continue;
        if (!key.empty()) key.push_back(' ');
        key += w;
      }
      if (!specific) {
        Add(e.trigger_offsets[j], ErrorCode::kKbLint, path, [&] {
          return "trigger " + Quoted(trigger) + " of event " + Quoted(e.value.id) +
                 " is made only of generic words or numbers" +
                 " (kb/generic_triggers.json): it would match other events; add the country, "
                 "place or name that makes it this one";
        });
        continue;
      }
      const auto emplaced = by_key.emplace(key, Owner{i, j});
      const Owner first = emplaced.first->second;
      if (emplaced.second || first.event == i) continue;
      const RawEvent& other = events_[first.event];
      Add(e.trigger_offsets[j], ErrorCode::kKbLint, path, [&] {
        std::string other_path = ItemPath("events", other.index, "triggers");
        AppendPointerIndex(&other_path, first.trigger);
        return "trigger " + Quoted(trigger) + " of event " + Quoted(e.value.id) + " is also a trigger of " +
               Quoted(other.value.id) + " (" + other_path + ": " + Quoted(other.value.triggers[first.trigger]) +
               ") with no word to tell them apart";
      });
    }
  }
}

}  // namespace kb_load

using kb_load::KbLoader;
using kb_load::kMaxErrors;
using kb_load::TriggerWords;
using kb_load::TriggerWordsOf;
using kb_load::Type;

std::vector<Error> LintKbTriggers(std::string_view json_text, std::string_view word_lists_json) {
  try {
    // {"description": "...", "<list>": ["word", ...], ...}, read with the KB's own reader (this
    // file is compiled with exceptions in the wasm build; the rest of the core is not).
    TriggerWords words;
    auto bad_lists = [](std::string message) {
      Error e;
      e.code = ErrorCode::kBadInput;
      e.message = "trigger word lists: " + std::move(message);
      return std::vector<Error>{e};
    };
    JsonLimits limits;
    limits.max_depth = 3;
    if (CheckJson(word_lists_json, limits)) return bad_lists("not JSON, or nested too deep");
    JsonReader r(word_lists_json);
    if (r.Peek() != Type::kObject) return bad_lists("not a JSON object");
    r.BeginObject();
    std::string key;
    size_t key_at = 0;
    while (r.NextKey(&key, &key_at)) {
      if (key == "description") {
        r.Skip();
        continue;
      }
      if (r.Peek() != Type::kArray) return bad_lists("\"" + key + "\" is not an array of words");
      r.BeginArray();
      while (r.NextElement()) {
        if (r.Peek() != Type::kString) return bad_lists("\"" + key + "\" holds something that is not a string");
        for (std::string& w : TriggerWordsOf(r.ReadString())) {
          if (key == "function_words") words.function.insert(w);
          if (key == "months") words.months.insert(w);
          words.generic.insert(std::move(w));
        }
      }
    }
    return KbLoader(json_text, kMaxErrors, &words).Run(nullptr);
  } catch (const std::bad_alloc&) {
    Error e;
    e.code = ErrorCode::kKbTooLarge;
    e.message = "out of memory while linting the KB";
    return {e};
  }
}

}  // namespace factlint

// pybind11 bindings of the factlint core (factlint/factlint.h): they only bind. Python sees the
// module `factlint._factlint`, re-exported by the package `factlint` (python/factlint/__init__.py);
// python/factlint/__init__.pyi is the typed manual and is checked against this module by
// tests/python/test_stubs.py (mypy's stubtest).
//
//   Checker(kb_json=None, rules_json=None)   the KB (bundled kb/world.json when None) and the rule
//                                           catalogue (bundled core/rules/rules.json), loaded once
//     .check(text, date=None, min_severity=None, disable=())  -> dict, the report of docs/REPORT.md
//     .check_jsonl(line, line_no=1, min_severity=None, disable=()) -> str, the CLI's JSONL line
//     .segment(text)                          -> [{"start","end","start16","end16","text"}]
//     .kb                                     -> the KB's summary (dict)
//   kb_check(json)                            -> [Error], empty when the KB is valid
//   rule_catalog()                            -> the rule catalogue (dict of core/rules/rules.json)
//
// Errors are data: every failure raises factlint.Error (python/factlint/_error.py) with the core's
// kind, message, path, line and column. Nothing else escapes: argument types are checked by
// pybind11 (TypeError), text is UTF-8 (str; bytes are taken as they are, invalid bytes included).
//
// Threads: the GIL is released while the core checks or segments, so Python threads (and Dask's
// threaded workers) check in parallel. A Checker is immutable after construction and the core
// never mutates a KbHandle, so one Checker may be used from many threads at once.
//
// Reports cross as the core's own JSON text (factlint::ReportToJson), turned into dicts by Python's
// json module: the dict is then the CLI's `--format json` report by construction.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "factlint/factlint.h"
#include "jsonl.h"

namespace factlint {
std::string_view EmbeddedWorldKb();  // kb/world.json, embedded at build time
}  // namespace factlint

namespace py = pybind11;

namespace {

// Thrown by the helpers below and turned into factlint.Error at the module boundary.
struct ErrorData {
  factlint::Error error;
};

[[noreturn]] void Fail(factlint::ErrorCode code, std::string message) {
  factlint::Error e;
  e.code = code;
  e.message = std::move(message);
  throw ErrorData{std::move(e)};
}

py::object MakePyError(const factlint::Error& e) {
  py::object error_type = py::module_::import("factlint._error").attr("Error");
  return error_type(std::string(factlint::ErrorCodeName(e.code)), e.message, e.path, e.line, e.column);
}

// Text in: str as UTF-8; bytes as they are (the core tolerates invalid UTF-8, offsets are bytes).
// A str that cannot be UTF-8 (a lone surrogate) is bad input, named with its index.
std::string TextArg(const py::handle& value, const char* what) {
  if (py::isinstance<py::bytes>(value)) return std::string(value.cast<py::bytes>());
  if (!py::isinstance<py::str>(value)) {
    Fail(factlint::ErrorCode::kBadInput,
         std::string(what) + " must be str or bytes, not " + std::string(py::str(value.get_type().attr("__name__"))));
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
  if (data == nullptr) {
    PyErr_Clear();
    // Find the first code point that UTF-8 cannot encode, to name the place.
    Py_ssize_t length = PyUnicode_GetLength(value.ptr());
    Py_ssize_t at = 0;
    for (; at < length; ++at) {
      Py_UCS4 c = PyUnicode_ReadChar(value.ptr(), at);
      if (c >= 0xD800 && c <= 0xDFFF) break;
    }
    Fail(factlint::ErrorCode::kBadInput, std::string(what) + " is not valid Unicode: lone surrogate at index " +
                                             std::to_string(at) + " (pass bytes to check raw input)");
  }
  return std::string(data, static_cast<size_t>(size));
}

factlint::CheckOptions MakeOptions(const std::optional<std::string>& date,
                                   const std::optional<std::string>& min_severity, const py::iterable& disable) {
  factlint::CheckOptions options;
  if (date) {
    options.date = factlint::ParseIsoDate(*date);
    if (!options.date) Fail(factlint::ErrorCode::kBadOption, "date: '" + *date + "' is not a date that exists (YYYY-MM-DD)");
  }
  if (min_severity) {
    std::optional<factlint::Severity> severity = factlint::ParseSeverity(*min_severity);
    if (!severity) {
      Fail(factlint::ErrorCode::kBadOption,
           "min_severity: '" + *min_severity + "' is not one of info, warning, error");
    }
    options.min_severity = *severity;
  }
  if (py::isinstance<py::str>(disable) || py::isinstance<py::bytes>(disable)) {
    Fail(factlint::ErrorCode::kBadOption, "disable must be a list of rule ids, not a single string");
  }
  for (const py::handle& rule : disable) {
    if (!py::isinstance<py::str>(rule)) {
      Fail(factlint::ErrorCode::kBadOption, "disable: rule ids are strings, not " +
                                                std::string(py::str(rule.get_type().attr("__name__"))));
    }
    options.disabled_rules.push_back(rule.cast<std::string>());
  }
  return options;
}

py::object JsonLoads(const std::string& text) {
  static py::handle loads = py::object(py::module_::import("json").attr("loads")).release();  // kept for the process
  return loads(py::str(text));
}

class Checker {
 public:
  Checker(const std::optional<std::string>& kb_json, const std::optional<std::string>& rules_json) {
    std::string_view text = kb_json ? std::string_view(*kb_json) : factlint::EmbeddedWorldKb();
    factlint::Result<factlint::KbHandle> kb = [&] {
      py::gil_scoped_release release;
      return factlint::LoadKb(text);
    }();
    if (!kb.ok()) throw ErrorData{kb.error()};
    kb_ = std::move(kb).value();
    if (rules_json) {  // a catalogue replaces the bundled core/rules/rules.json for this Checker
      factlint::Result<factlint::RulesHandle> rules = [&] {
        py::gil_scoped_release release;
        return factlint::LoadRules(*rules_json);
      }();
      if (!rules.ok()) throw ErrorData{rules.error()};
      rules_ = std::move(rules).value();
    }
  }

  py::object Check(const py::object& text, const std::optional<std::string>& date,
                   const std::optional<std::string>& min_severity, const py::iterable& disable) const {
    std::string input = TextArg(text, "text");
    factlint::CheckOptions options = MakeOptions(date, min_severity, disable);
    options.rules = rules_;
    std::string json;
    {
      py::gil_scoped_release release;
      json = factlint::ReportToJson(factlint::Check(*kb_, input, options));
    }
    return JsonLoads(json);
  }

  // One request line of the CLI's `check --format jsonl` in, its output line out (no newline): the
  // same function the CLI runs (cli/jsonl.cpp), so the bytes are the CLI's.
  std::string CheckJsonl(const py::object& line, size_t line_no, const std::optional<std::string>& min_severity,
                         const py::iterable& disable) const {
    std::string input = TextArg(line, "line");
    factlint::CheckOptions options = MakeOptions(std::nullopt, min_severity, disable);
    options.rules = rules_;
    py::gil_scoped_release release;
    return factlint::CheckJsonlLine(*kb_, input, line_no, options, std::nullopt).output;
  }

  py::list Segment(const py::object& text) const {
    std::string input = TextArg(text, "text");
    std::vector<factlint::Span> spans;
    {
      py::gil_scoped_release release;
      spans = factlint::Segment(input);
    }
    py::list out;
    for (const factlint::Span& s : spans) {
      py::dict d;
      d["start"] = s.start;
      d["end"] = s.end;
      d["start16"] = s.start16;
      d["end16"] = s.end16;
      std::string_view piece = std::string_view(input).substr(s.start, s.end - s.start);
      d["text"] = py::reinterpret_steal<py::object>(
          PyUnicode_DecodeUTF8(piece.data(), static_cast<Py_ssize_t>(piece.size()), "replace"));
      out.append(std::move(d));
    }
    return out;
  }

  py::dict Kb() const {
    factlint::KbSummary s = factlint::Summarize(*kb_);
    py::dict d;
    d["name"] = s.name;
    d["as_of"] = s.as_of;
    d["schema_version"] = s.schema_version;
    d["sources"] = s.sources;
    d["people"] = s.people;
    d["offices"] = s.offices;
    d["terms"] = s.terms;
    d["events"] = s.events;
    d["quotes"] = s.quotes;
    return d;
  }

 private:
  factlint::KbHandle kb_;
  factlint::RulesHandle rules_;  // null: the bundled catalogue
};

py::list KbCheck(const std::string& json) {
  std::vector<factlint::Error> errors;
  {
    py::gil_scoped_release release;
    errors = factlint::ValidateKb(json);
  }
  py::list out;
  for (const factlint::Error& e : errors) out.append(MakePyError(e));
  return out;
}

}  // namespace

PYBIND11_MODULE(_factlint, m) {
  m.doc() = "The factlint core (factlint/factlint.h) for Python; use the package `factlint`.";
  m.attr("__version__") = factlint::kVersion;

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ErrorData& e) {
      py::object error = MakePyError(e.error);
      PyErr_SetObject(error.get_type().ptr(), error.ptr());
    }
  });

  py::class_<Checker>(m, "Checker")
      .def(py::init<const std::optional<std::string>&, const std::optional<std::string>&>(),
           py::arg("kb_json") = py::none(), py::arg("rules_json") = py::none())
      .def("check", &Checker::Check, py::arg("text"), py::arg("date") = py::none(),
           py::arg("min_severity") = py::none(), py::arg("disable") = py::tuple())
      .def("check_jsonl", &Checker::CheckJsonl, py::arg("line"), py::arg("line_no") = 1,
           py::arg("min_severity") = py::none(), py::arg("disable") = py::tuple())
      .def("segment", &Checker::Segment, py::arg("text"))
      .def_property_readonly("kb", &Checker::Kb);

  m.def("kb_check", &KbCheck, py::arg("json"));
  m.def("rule_catalog", [] { return JsonLoads(std::string(factlint::RuleCatalogJson())); });
}

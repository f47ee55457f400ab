#pragma once
// The report page: one self-contained HTML file (no network when it is
// viewed): styles, uPlot and the drawing script inline, the data as a JSON
// island the script reads. Plots are drawn by uPlot into canvases; each
// plot's element then says how many points it drew (data-points), which
// is what a browser test reads back from the DOM.
//
// The data (report_data.h's collect):
//   corpus, fronts, counts {accepted, findings, coverage, unreadable},
//   progress [[seconds, runs, features, findings], ...],
//   findings [{id, front, target, signature, reduced, value, detail,
//              found_at_run, found_at, replay, files [{name, text, cut}]}],
//   hunt {kinds, rows [{pair, counts}]} | null,
//   coverpoints [{coverpoint, cases, first_case, first_saved_at}] | null,
//   bash_functions, solve_table [{target, accepted, findings, solved,
//                                first_finding_run, first_signature}] | null

#include <nlohmann/json.hpp>
#include <string>

namespace testgen::report {

std::string render_html(const nlohmann::json& data);

/// `text` with &, <, >, " and ' escaped for HTML text and attributes.
std::string escape_html(const std::string& text);

}  // namespace testgen::report

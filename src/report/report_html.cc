#include "report_html.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

namespace testgen::report {
namespace assets {
extern const char* const uplot_js;
extern const char* const uplot_css;
extern const char* const report_js;
extern const char* const report_css;
}  // namespace assets

namespace {
using nlohmann::json;

std::string str(const json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

std::string cell(const json& j) { return escape_html(str(j)); }

// A wall-clock time (seconds since the epoch) as UTC, or "" when unknown.
std::string when(const json& seconds) {
  if (!seconds.is_number()) return "";
  const std::time_t t = static_cast<std::time_t>(seconds.get<double>());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return text;
}

// The data island: JSON inside <script>, with "</" broken up so no string
// in it can end the element.
std::string island(const json& data) {
  std::string text = data.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') {
      out += "<\\/";
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string findings_section(const json& findings) {
  std::string out = "<h2 id=\"findings\">Findings</h2>\n";
  if (findings.empty()) return out + "<p class=\"muted\">None in this corpus.</p>\n";
  out += "<table id=\"findings-table\"><tr><th>#</th><th>signature</th><th>found</th><th>reproducer</th></tr>\n";
  size_t n = 0;
  for (const json& f : findings) {
    std::string files;
    for (const json& file : f["files"])
      files += fmt::format("<details><summary>{}{}</summary><pre>{}</pre></details>", cell(file["name"]),
                           file["cut"].get<bool>() ? " (cut)" : "", cell(file["text"]));
    out += fmt::format(
        "<tr class=\"finding\" data-finding=\"{}\"><td class=\"n\">{}</td><td><code>{}</code><br>"
        "<span class=\"muted\">{} · {}</span> <span class=\"tag{}\">{}</span></td>"
        "<td>run {}<br><span class=\"muted\">{}</span></td>"
        "<td><code>{}</code><br><code class=\"muted\">{}</code>{}</td></tr>\n",
        cell(f["id"]), ++n, cell(f["signature"]), cell(f["front"]), cell(f["target"]),
        f["reduced"].get<bool>() ? "" : " unreduced", f["reduced"].get<bool>() ? "reduced" : "as found",
        cell(f["found_at_run"]), when(f["found_at"]), cell(f["value"]), cell(f["replay"]), files);
  }
  return out + "</table>\n";
}

std::string hunt_section(const json& hunt) {
  if (hunt.is_null()) return "";
  std::string out =
      "<h2 id=\"hunt\">Compiler pairs and kinds of failure</h2>\n<table id=\"hunt-matrix\"><tr><th>pair</th>";
  for (const json& k : hunt["kinds"]) out += "<th>" + cell(k) + "</th>";
  out += "</tr>\n";
  for (const json& row : hunt["rows"]) {
    out += "<tr><td>" + cell(row["pair"]) + "</td>";
    for (const json& c : row["counts"])
      out += fmt::format("<td class=\"n{}\">{}</td>", c.get<int>() > 0 ? " hot" : "", c.get<int>() > 0 ? str(c) : "");
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string coverpoint_section(const json& rows) {
  if (rows.is_null()) return "";
  std::string out = "<h2 id=\"coverpoints\">Coverpoints</h2>\n<p class=\"muted\">Rarest first: cases kept that "
                    "reached each, and the first of them.</p>\n<table id=\"coverpoint-table\"><tr><th>coverpoint</th>"
                    "<th>cases</th><th>first hit</th></tr>\n";
  for (const json& r : rows)
    out += fmt::format("<tr><td><code>{}</code></td><td class=\"n\">{}</td><td>{} <span class=\"muted\">{}</span></td></tr>\n",
                       cell(r["coverpoint"]), cell(r["cases"]), when(r["first_saved_at"]), cell(r["first_case"]));
  return out + "</table>\n";
}

std::string target_section(const json& rows, const std::string& id, const std::string& title, const std::string& what) {
  if (rows.is_null()) return "";
  std::string out = fmt::format("<h2 id=\"{}\">{}</h2>\n<table id=\"{}-table\"><tr><th>{}</th><th>kept</th>"
                                "<th>findings</th><th>first finding</th></tr>\n",
                                id, title, id, what);
  for (const json& r : rows)
    out += fmt::format("<tr><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n{}\">{}</td><td>{}</td></tr>\n",
                       cell(r["target"]), cell(r["accepted"]), r["solved"].get<bool>() ? " hot" : "",
                       cell(r["findings"]),
                       r["solved"].get<bool>()
                           ? fmt::format("run {}: <code>{}</code>", cell(r["first_finding_run"]), cell(r["first_signature"]))
                           : "");
  return out + "</table>\n";
}

}  // namespace

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_html(const json& data) {
  const json& counts = data["counts"];
  std::string fronts;
  for (const json& f : data["fronts"]) fronts += (fronts.empty() ? "" : ", ") + str(f);
  std::string page = fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>testgen report: {0}</title>\n<style>{1}</style>\n<style>{2}</style>\n</head>\n<body>\n"
      "<h1>testgen report</h1>\n<p class=\"muted\"><code>{0}</code> · fronts: {3}</p>\n"
      "<div class=\"counts\"><div id=\"count-findings\">{4}<span>findings</span></div>"
      "<div id=\"count-accepted\">{5}<span>cases kept for coverage</span></div>"
      "<div id=\"count-coverage\">{6}<span>features or coverpoints</span></div></div>\n"
      "<h2 id=\"progress\">Progress</h2>\n<div class=\"plots\"><div class=\"plot\" id=\"plot-runs\"></div>"
      "<div class=\"plot\" id=\"plot-time\"></div></div>\n",
      escape_html(str(data["corpus"])), assets::uplot_css, assets::report_css, escape_html(fronts.empty() ? "none" : fronts),
      str(counts["findings"]), str(counts["accepted"]), str(counts["coverage"]));
  page += findings_section(data["findings"]);
  page += hunt_section(data["hunt"]);
  page += coverpoint_section(data["coverpoints"]);
  page += target_section(data["bash_functions"], "bash", "Bash functions", "function");
  page += target_section(data["solve_table"], "solved", "Solve table", "puzzle or property");
  if (counts["unreadable"].get<size_t>() > 0)
    page += fmt::format("<p class=\"muted\">{} case(s) could not be read and are left out.</p>\n", str(counts["unreadable"]));
  page += "<script type=\"application/json\" id=\"report-data\">" + island(json{{"progress", data["progress"]}}) + "</script>\n";
  page += std::string("<script>") + assets::uplot_js + "</script>\n<script>" + assets::report_js + "</script>\n";
  page += "</body></html>\n";
  return page;
}

}  // namespace testgen::report

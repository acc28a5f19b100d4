// The report without an interactive map (configured with -DESSNET_REPORT_MAP=OFF).
namespace essnet::report::embedded {
extern const char* const map_js = "";
extern const char* const licences = "";
}  // namespace essnet::report::embedded

// Drawings: the scene and its back ends.
#include "bindings.hpp"
#include "essnet/draw/drawing.hpp"

namespace essnet::python {

void bind_draw(py::module_& m) {
    py::class_<Scene>(m, "Scene")
        .def(py::init<>())
        .def_readonly("width", &Scene::width)
        .def_readonly("height", &Scene::height)
        .def_readonly("font_size", &Scene::font_size)
        .def_property_readonly(
            "edges",
            [](const Scene& s) {
                py::list out;
                for (const SceneEdge& e : s.edges)
                    out.append(py::make_tuple(py::make_tuple(e.x1, e.y1), py::make_tuple(e.x2, e.y2)));
                return out;
            })
        .def_property_readonly("edge_styles",
                               [](const Scene& s) {
                                   py::list out;
                                   for (const SceneEdge& e : s.edges)
                                       out.append(py::make_tuple(e.width, e.opacity, e.arrow));
                                   return out;
                               })
        .def_property_readonly("nodes",
                               [](const Scene& s) {
                                   py::list out;
                                   for (const SceneNode& v : s.nodes)
                                       out.append(py::make_tuple(v.node, v.x, v.y, v.radius, hex(v.fill), v.title));
                                   return out;
                               })
        .def_property_readonly(
            "labels",
            [](const Scene& s) {
                py::list out;
                for (const SceneLabel& l : s.labels)
                    out.append(py::make_tuple(l.node, l.text, l.x, l.y, l.width, l.height, l.ascent));
                return out;
            })
        .def_property_readonly("legend", [](const Scene& s) {
            py::list out;
            for (const LegendEntry& e : s.categories) out.append(py::make_tuple(e.text, hex(e.colour)));
            return out;
        });
    m.def(
        "make_scene",
        [](const Graph& g, const py::array_t<double, py::array::c_style | py::array::forcecast>& positions,
           double width, double height, std::vector<std::int32_t> categories, std::vector<std::string> category_names,
           std::vector<double> colour_values, std::string colour_title, std::vector<double> size_values,
           std::string size_title, std::vector<std::string> labels, std::int32_t label_count,
           std::vector<node_id> labelled, double font_size, std::vector<std::string> titles,
           std::int64_t max_antialiased_edges) {
            if (positions.ndim() != 2 || positions.shape(1) != 2)
                throw std::invalid_argument("positions must be an (n, 2) array");
            std::vector<Point> points;
            auto view = positions.unchecked<2>();
            for (py::ssize_t i = 0; i < positions.shape(0); ++i) points.push_back({.x = view(i, 0), .y = view(i, 1)});
            const DrawOptions options{.width = width,
                                      .height = height,
                                      .categories = std::move(categories),
                                      .category_names = std::move(category_names),
                                      .colour_values = std::move(colour_values),
                                      .colour_title = std::move(colour_title),
                                      .size_values = std::move(size_values),
                                      .size_title = std::move(size_title),
                                      .labels = std::move(labels),
                                      .label_count = label_count,
                                      .labelled = std::move(labelled),
                                      .font_size = font_size,
                                      .titles = std::move(titles),
                                      .max_antialiased_edges = max_antialiased_edges};
            py::gil_scoped_release release;
            return make_scene(g, points, options);
        },
        py::arg("graph"), py::arg("positions"), py::arg("width"), py::arg("height"), py::arg("categories"),
        py::arg("category_names"), py::arg("colour_values"), py::arg("colour_title"), py::arg("size_values"),
        py::arg("size_title"), py::arg("labels"), py::arg("label_count"), py::arg("labelled"), py::arg("font_size"),
        py::arg("titles"), py::arg("max_antialiased_edges"));
    m.def(
        "scene_svg", [](const Scene& s) { return svg(s); }, py::arg("scene"));
    m.def(
        "scene_png",
        [](const Scene& s) {
            std::string bytes;
            {
                py::gil_scoped_release release;
                bytes = png(s);
            }
            return py::bytes(bytes);
        },
        py::arg("scene"));
    m.def("write_drawing", &write_drawing, py::arg("scene"), py::arg("path"), py::call_guard<py::gil_scoped_release>());
}

}  // namespace essnet::python

# Writes a C++ source defining `const char* const NAME` in NAMESPACE (essnet::datasets::embedded by
# default) with the bytes of INPUT, used to compile the bundled data sets into the library and the
# interactive map into the report. Run as: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P embed_text.cmake
if(NOT NAMESPACE)
  set(NAMESPACE essnet::datasets::embedded)
endif()
file(READ "${INPUT}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE "${OUTPUT}.tmp"
     "// Generated from ${INPUT}; do not edit.\n"
     "namespace ${NAMESPACE} {\n"
     "static const char ${NAME}_bytes[] = {${bytes} '\\0'};\n"
     "extern const char* const ${NAME} = ${NAME}_bytes;\n"
     "}\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")

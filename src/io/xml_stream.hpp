// Streaming XML for the GraphML and GEXF readers (private to src/io), on expat.
//
// The input is fed to expat in 1 MiB pieces, so reading a file needs memory for the network being
// built, not for the document. Document type declarations are refused outright: no DTD, no entity
// declarations, hence no entity expansion and no external entity is ever fetched (expat resolves
// none without a handler, and none is set). Element and attribute names reach the handler without
// their namespace prefix ("y:NodeLabel" -> "NodeLabel").
#pragma once

#include <expat.h>

#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "essnet/core/error.hpp"
#include "essnet/detail/read_file.hpp"
#include "essnet/detail/text.hpp"

namespace essnet::detail {

/// What an XML reader does with each event. Throw xml.error(...) to stop with a ParseError at the
/// current element.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    /// attributes: name, value, name, value, ..., nullptr.
    virtual void start(std::string_view name, const char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view chars) = 0;
};

inline std::string_view local_name(const char* name) {
    std::string_view s(name);
    const auto colon = s.rfind(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

class XmlStream {
public:
    XmlStream(std::string name, XmlHandler& handler) : name_(std::move(name)), handler_(handler) {
        parser_ = XML_ParserCreate(nullptr);  // the encoding the document declares (UTF-8 by default)
        if (!parser_) throw std::bad_alloc();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &XmlStream::on_start, &XmlStream::on_end);
        XML_SetCharacterDataHandler(parser_, &XmlStream::on_text);
        XML_SetStartDoctypeDeclHandler(parser_, &XmlStream::on_doctype);
        XML_SetEntityDeclHandler(parser_, &XmlStream::on_entity);
    }
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;
    ~XmlStream() { XML_ParserFree(parser_); }

    /// A ParseError at the position of the event being handled.
    ParseError error(const std::string& message) const {
        return ParseError(name_, static_cast<std::int64_t>(XML_GetCurrentLineNumber(parser_)),
                          static_cast<std::int64_t>(XML_GetCurrentColumnNumber(parser_)) + 1, message);
    }
    std::int64_t line() const { return static_cast<std::int64_t>(XML_GetCurrentLineNumber(parser_)); }
    std::int64_t column() const { return static_cast<std::int64_t>(XML_GetCurrentColumnNumber(parser_)) + 1; }
    const std::string& name() const noexcept { return name_; }

    void parse_text(std::string_view text) {
        constexpr std::size_t piece = 1 << 20;
        do {
            const std::size_t n = std::min(piece, text.size());
            feed(text.data(), n, n == text.size());
            text.remove_prefix(n);
        } while (!text.empty());
    }

    void parse_file(const std::string& path) {
        std::FILE* f = open_for_reading(path);
        try {
            constexpr int piece = 1 << 20;
            for (;;) {
                void* buffer = XML_GetBuffer(parser_, piece);
                if (!buffer) throw std::bad_alloc();
                const std::size_t n = std::fread(buffer, 1, piece, f);
                if (std::ferror(f)) throw FileError(path, errno, "read");
                const bool last = n < static_cast<std::size_t>(piece);
                if (XML_ParseBuffer(parser_, static_cast<int>(n), last) != XML_STATUS_OK) fail();
                if (last) break;
            }
        } catch (...) {
            std::fclose(f);
            throw;
        }
        std::fclose(f);
    }

private:
    void feed(const char* data, std::size_t n, bool last) {
        if (XML_Parse(parser_, data, static_cast<int>(n), last) != XML_STATUS_OK) fail();
    }

    [[noreturn]] void fail() {
        if (pending_) std::rethrow_exception(pending_);
        const XML_Error code = XML_GetErrorCode(parser_);
        std::string message = XML_ErrorString(code);
        if (code == XML_ERROR_NO_ELEMENTS)
            message = "the document ends before its root element does (truncated file?)";
        else if (code == XML_ERROR_UNCLOSED_TOKEN || code == XML_ERROR_PARTIAL_CHAR)
            message += " (truncated file?)";
        throw ParseError(name_, static_cast<std::int64_t>(XML_GetCurrentLineNumber(parser_)),
                         static_cast<std::int64_t>(XML_GetCurrentColumnNumber(parser_)) + 1,
                         "malformed XML: " + message);
    }

    // Exceptions must not cross expat's C frames: keep the first, stop the parser, rethrow later.
    template <class F>
    static void guarded(void* data, F&& f) {
        auto* self = static_cast<XmlStream*>(data);
        if (self->pending_) return;
        try {
            f(*self);
        } catch (...) {
            self->pending_ = std::current_exception();
            XML_StopParser(self->parser_, XML_FALSE);
        }
    }
    static void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
        guarded(data, [&](XmlStream& s) { s.handler_.start(local_name(name), attributes); });
    }
    static void XMLCALL on_end(void* data, const XML_Char* name) {
        guarded(data, [&](XmlStream& s) { s.handler_.end(local_name(name)); });
    }
    static void XMLCALL on_text(void* data, const XML_Char* chars, int length) {
        guarded(data,
                [&](XmlStream& s) { s.handler_.text(std::string_view(chars, static_cast<std::size_t>(length))); });
    }
    static void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        guarded(data, [](XmlStream& s) -> void {
            throw s.error(
                "document type declarations (<!DOCTYPE ...>) are not accepted: no DTD, entity or "
                "external reference is ever read");
        });
    }
    static void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                  const XML_Char*, const XML_Char*, const XML_Char*) {
        guarded(data, [](XmlStream& s) -> void { throw s.error("entity declarations are not accepted"); });
    }

    std::string name_;
    XmlHandler& handler_;
    XML_Parser parser_ = nullptr;
    std::exception_ptr pending_;
};

/// Value of attribute `name` in expat's list, or nullptr.
inline const char* attribute(const char** attributes, std::string_view name) {
    for (const char** a = attributes; *a; a += 2)
        if (local_name(a[0]) == name) return a[1];
    return nullptr;
}

/// Appends s to out escaped for XML text (in_attribute: also quotes and line breaks, which an
/// attribute value would otherwise lose to normalisation). Throws std::invalid_argument, naming
/// `what`, for text that is not valid UTF-8 or holds a control character that XML 1.0 cannot hold.
inline void append_xml_escaped(std::string& out, std::string_view s, bool in_attribute, const std::string& what) {
    if (const auto bad = find_invalid_utf8(s); bad != std::string_view::npos)
        throw std::invalid_argument(what + " is not valid UTF-8 (at byte " + std::to_string(bad) + ")");
    for (const char ch : s) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                in_attribute ? out += "&quot;" : out += ch;
                break;
            case '\n':
                in_attribute ? out += "&#10;" : out += ch;
                break;
            case '\t':
                in_attribute ? out += "&#9;" : out += ch;
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20)
                    throw std::invalid_argument(
                        what + " holds the control character \\x" + std::string(1, "0123456789abcdef"[(ch >> 4) & 15]) +
                        std::string(1, "0123456789abcdef"[ch & 15]) + ", which XML 1.0 cannot represent");
                out += ch;
        }
    }
}

}  // namespace essnet::detail

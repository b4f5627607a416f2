#include "libgis/core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <streambuf>

#include "libgis/core/errors.h"

namespace parkgis {

namespace fs = std::filesystem;

namespace {

// A stream buffer over a file descriptor that remembers the first write error (errno).
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : m_fd(fd) { setp(m_buf, m_buf + sizeof m_buf); }
  int error() const { return m_errno; }
  bool flush_all() { return sync() == 0; }

 protected:
  int_type overflow(int_type ch) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(m_fd, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0) {
        if (errno == EINTR) continue;
        if (!m_errno) m_errno = errno;
        return -1;
      }
      p += n;
    }
    setp(m_buf, m_buf + sizeof m_buf);
    return 0;
  }

 private:
  int m_fd;
  int m_errno = 0;
  char m_buf[1 << 16];
};

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  const fs::path target(path);
  if (fs::is_directory(target)) throw DataError(path + " is a folder; give a file name");
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder)) throw DataError("cannot write " + path + ": folder " + folder.string() + " does not exist");
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw DataError("cannot write " + path + ": " + std::strerror(errno));
  struct Cleanup {
    int fd;
    const std::string& tmp;
    bool done = false;
    ~Cleanup() {
      if (fd >= 0) ::close(fd);
      if (!done) ::unlink(tmp.c_str());
    }
  } cleanup{fd, tmp};
  FdBuf buf(fd);
  std::ostream os(&buf);
  fill(os);
  os.flush();
  const bool ok = os.good() && buf.flush_all();
  if (!ok || ::fsync(fd) != 0) {
    const int e = buf.error() ? buf.error() : errno;
    throw DataError("cannot write " + path + ": " + std::strerror(e ? e : EIO) +
                    (e == ENOSPC ? " (free some space; the previous file, if any, is left as it was)" : ""));
  }
  ::close(fd);
  cleanup.fd = -1;
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) throw DataError("cannot write " + path + ": " + ec.message());
  cleanup.done = true;
}

}  // namespace parkgis

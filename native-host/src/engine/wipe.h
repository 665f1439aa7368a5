// Zeroing buffers that held draft text, without the compiler optimising the
// writes away. The engine has no libsodium (sodium_memzero lives in the
// host's layers); volatile stores are the portable equivalent.
#ifndef DRAFTGUARD_ENGINE_WIPE_H_
#define DRAFTGUARD_ENGINE_WIPE_H_

#include <cstddef>
#include <string>
#include <vector>

namespace draftguard::internal {

inline void WipeBytes(void* data, size_t size) {
  volatile unsigned char* p = static_cast<volatile unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) p[i] = 0;
}

// Zeroes the whole capacity of `s`, then empties it.
inline void Wipe(std::string* s) {
  s->resize(s->capacity());
  WipeBytes(s->data(), s->size());
  s->clear();
}

}  // namespace draftguard::internal

#endif  // DRAFTGUARD_ENGINE_WIPE_H_

#include "bench/sync/contact_maker.h"

#include <array>
#include <string>
#include <string_view>

namespace swivel::bench {

namespace {

constexpr std::array<std::string_view, 32> kGiven = {
    "Anna",   "Ben",     "Chloé",  "David",   "Elena",  "Farid",  "Grace",   "Hiro",
    "Ingrid", "Jonas",   "Katrin", "Liam",    "María",  "Noah",   "Olivia",  "Pavel",
    "Quinn",  "Rosa",    "Samuel", "Tomás",   "Uma",    "Viktor", "Wen",     "Xavier",
    "Yasmin", "Zoë",     "Amélie", "Björn",   "Carmen", "Dmitri", "Eleanor", "François"};
constexpr std::array<std::string_view, 32> kFamily = {
    "Smith",    "Müller",  "García",   "Nguyen",   "Johansson", "Rossi",    "Kowalski",
    "Tanaka",   "Dubois",  "Okafor",   "Schmidt",  "Fernández", "O'Brien",  "Novak",
    "Larsen",   "Petrov",  "Yılmaz",   "Silva",    "Andersson", "Moreau",   "Kim",
    "Hoffmann", "Costa",   "Jansen",   "Papadopoulos", "Lindqvist", "Wójcik", "Herrera",
    "Bianchi",  "Schwarz", "Murphy",   "van der Berg"};
constexpr std::array<std::string_view, 6> kMailHosts = {
    "gmail.com", "yahoo.com", "hotmail.com", "example.org", "mail.de", "outlook.com"};
constexpr std::array<std::string_view, 4> kPrefixes = {"Dr.", "Mr.", "Ms.", "Prof."};

// The name as an e-mail local part: ASCII letters only, lower case ("Chloé" -> "chlo").
std::string MailPart(std::string_view name) {
  std::string out;
  for (const char c : name)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      out.push_back(static_cast<char>(c | 0x20));
  return out;
}

}  // namespace

pim::Contact ContactMaker::Next() {
  pim::Contact c;
  auto& name = *c.mutable_name();
  const std::string_view given = kGiven[random_.uniform(kGiven.size())];
  const std::string_view family = kFamily[random_.uniform(kFamily.size())];
  name.set_given(std::string(given));
  name.set_family(std::string(family));
  if (random_.chance(0.2)) name.set_middle(std::string(kGiven[random_.uniform(kGiven.size())]));
  if (random_.chance(0.05)) name.set_prefix(std::string(kPrefixes[random_.uniform(kPrefixes.size())]));
  c.set_display_name(std::string(given) + " " + std::string(family));

  const int phones = random_.chance(0.4) ? 2 : 1;
  for (int i = 0; i < phones; ++i) {
    auto& phone = *c.add_phones();
    phone.set_label(i == 0 ? pim::LABEL_MOBILE : random_.chance(0.5) ? pim::LABEL_HOME : pim::LABEL_WORK);
    // E.164-ish as people type them: country code, area, local number with a space.
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
    std::string number(1, '+');
    number.append(std::to_string(1 + random_.uniform(98)));
    for (const uint64_t digits : {100, 100, 1000}) {
      number.push_back(' ');
      number.append(std::to_string(digits + random_.uniform(9 * digits)));
    }
    phone.set_number(number);
  }
  auto& email = *c.add_emails();
  email.set_label(random_.chance(0.7) ? pim::LABEL_HOME : pim::LABEL_WORK);
  email.set_address(MailPart(given) + "." + MailPart(family) +
                    std::to_string(random_.uniform(100)) + "@" +
                    std::string(kMailHosts[random_.uniform(kMailHosts.size())]));
  return c;
}

void ContactMaker::Edit(pim::Contact& contact) {
  if (contact.phones_size() == 0) contact.add_phones()->set_label(pim::LABEL_MOBILE);
  std::string number("+1 555 ");
  number.append(std::to_string(100 + random_.uniform(900)));
  number.push_back(' ');
  number.append(std::to_string(1000 + random_.uniform(9000)));
  contact.mutable_phones(0)->set_number(number);
}

}  // namespace swivel::bench

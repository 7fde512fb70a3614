#include "apps/contacts/contact_text.h"

#include <gtest/gtest.h>

#include "apps/suite/suite.h"

namespace swivel::apps {
namespace {

pim::Contact Anna() {
  pim::Contact c;
  c.mutable_name()->set_given("Anna");
  c.mutable_name()->set_family("M\xc3\xbcller-Schmidt");
  c.add_phones()->set_number("+1 (555) 0100");
  c.add_emails()->set_address("anna@example.org");
  return c;
}

TEST(ContactSearch, NamesEmailsAndPhoneDigits) {
  const TextRules ascii;  // no locale data
  EXPECT_TRUE(MatchesSearch(Anna(), "an sch", ascii)) << "every word starts a word, any order";
  EXPECT_FALSE(MatchesSearch(Anna(), "nna", ascii)) << "not in the middle of a word";
  EXPECT_TRUE(MatchesSearch(Anna(), "5550", ascii)) << "digits find the phone";
  EXPECT_TRUE(MatchesSearch(Anna(), "example", ascii)) << "a word of the email";
  EXPECT_FALSE(MatchesSearch(Anna(), "muller", ascii)) << "ASCII rules do not fold accents";
  std::string error;
  const auto icu = LocaleRules("de_DE", &error);
  ASSERT_TRUE(icu) << error;
  EXPECT_TRUE(MatchesSearch(Anna(), "muller", *icu)) << "the device's rules fold accents";
  EXPECT_FALSE(MatchesSearch(Anna(), "bob", *icu));
  EXPECT_TRUE(MatchesSearch(Anna(), "  ", *icu)) << "a blank query finds everyone";
}

}  // namespace
}  // namespace swivel::apps

#include "emulator/script.h"

#include <gtest/gtest.h>

namespace swivel::emulator {
namespace {

TEST(Script, EveryCommandParses) {
  const auto r = ParseScript(R"(# a demo
press Jump+c
type "Ana \"Bee\" Müller\\n"
wait 1500
expect text "Contacts"
expect no text "Error"
expect focus contacts.list
screenshot out/launcher.png
battery pull
battery level 15
battery charger on
power on
radio off
press +
)", "demo.swv");
  ASSERT_TRUE(r.ok()) << r.error;
  const auto& l = r.script.lines;
  ASSERT_EQ(l.size(), 13u);
  EXPECT_EQ(l[0].line, 2);
  EXPECT_EQ(std::get<Press>(l[0].command).chord,
            (std::vector<KeyStroke>{{hal::Key::kJump, 0}, {hal::Key::kCharacter, U'c'}}));
  EXPECT_EQ(std::get<Type>(l[1].command).text, "Ana \"Bee\" M\xc3\xbcller\\n");
  EXPECT_EQ(std::get<Wait>(l[2].command).ms, 1500);
  EXPECT_EQ(std::get<ExpectText>(l[3].command), (ExpectText{"Contacts", true}));
  EXPECT_EQ(std::get<ExpectText>(l[4].command), (ExpectText{"Error", false}));
  EXPECT_EQ(std::get<ExpectFocus>(l[5].command).id, "contacts.list");
  EXPECT_EQ(std::get<Screenshot>(l[6].command).file, "out/launcher.png");
  EXPECT_TRUE(std::holds_alternative<BatteryPull>(l[7].command));
  EXPECT_EQ(std::get<BatteryLevel>(l[8].command).percent, 15);
  EXPECT_TRUE(std::get<Charger>(l[9].command).on);
  EXPECT_TRUE(std::holds_alternative<PowerOn>(l[10].command));
  EXPECT_FALSE(std::get<RadioPower>(l[11].command).on);
  EXPECT_EQ(std::get<Press>(l[12].command).chord, (std::vector<KeyStroke>{{hal::Key::kCharacter, U'+'}}));
  EXPECT_EQ(l[12].line, 14);
}

TEST(Script, EscapesInTypedText) {
  const auto r = ParseScript("type \"a\\nb\\\\c\\\"d\"", "t.swv");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(std::get<Type>(r.script.lines[0].command).text, "a\nb\\c\"d");
}

TEST(Script, KeyNamesAnyCaseAndUnicodeCharacters) {
  EXPECT_EQ(ParseKeyStroke("MENU")->key, hal::Key::kMenu);
  EXPECT_EQ(ParseKeyStroke("PageDown")->key, hal::Key::kPageDown);
  EXPECT_EQ(ParseKeyStroke("\xc3\xbc")->character, U'\u00fc');
  EXPECT_FALSE(ParseKeyStroke("char")) << "not a key a script can press";
  EXPECT_FALSE(ParseKeyStroke("Jmup"));
  EXPECT_FALSE(ParseKeyStroke(""));
}

// Every broken line names the file, the line and what is wrong, and nothing is returned.
TEST(Script, BrokenLinesAreRefusedWithFileAndLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"presss Jump", "unknown command 'presss'"},
      {"press Jmup", "unknown key 'Jmup'"},
      {"press", "press needs a key"},
      {"type hello", "expected a \"quoted\" string"},
      {"type \"open", "missing closing quote"},
      {"type \"a\" b", "unexpected text after the closing quote"},
      {"type \"\\q\"", "unknown escape \\q"},
      {"wait soon", "wait needs milliseconds"},
      {"wait -5", "wait needs milliseconds"},
      {"expect focus", "expect focus needs one widget id"},
      {"expect texts \"a\"", "expect takes 'text', 'no text' or 'focus'"},
      {"expect no txt \"a\"", "expected 'expect no text"},
      {"battery level 101", "battery level needs a percentage 0..100"},
      {"battery charger maybe", "battery charger takes on or off"},
      {"battery", "battery takes pull, level N or charger on|off"},
      {"power off", "power takes on"},
      {"radio", "radio takes on or off"},
      {"screenshot", "screenshot needs a file name"},
  };
  for (const auto& [line, message] : cases) {
    const auto r = ParseScript(std::string("# header\n\npress Down\n") + line + "\npress Up\n", "s.swv");
    ASSERT_FALSE(r.ok()) << line;
    EXPECT_EQ(r.error.rfind(std::string("s.swv:4: ") + message, 0), 0u) << r.error;
    EXPECT_TRUE(r.script.lines.empty()) << "a broken script is refused whole";
  }
}

TEST(Script, WindowsLineEndingsAndBlankScripts) {
  const auto r = ParseScript("press Down\r\n\r\nwait 5\r\n", "w.swv");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.script.lines.size(), 2u);
  EXPECT_TRUE(ParseScript("", "e.swv").ok());
}

}  // namespace
}  // namespace swivel::emulator

#include "emulator/player.h"

#include "emulator/data_commands.h"
#include "emulator/text_util.h"

namespace swivel::emulator {

PlayResult Play(const Script& script, Handset& handset, const PlayerHooks& hooks) {
  for (const ScriptLine& line : script.lines) {
    if (hooks.keep_going && !hooks.keep_going())
      return {false, script.file + ":" + std::to_string(line.line) + ": not run: the window was closed"};
    if (hooks.before_line) hooks.before_line(line);
    std::string why;
    bool ok = true;
    const auto& c = line.command;
    if (const auto* p = std::get_if<Press>(&c)) {
      if (hooks.before_key) hooks.before_key();
      for (const auto& k : p->chord) handset.KeyDown(k.key, k.character);
      for (auto it = p->chord.rbegin(); it != p->chord.rend(); ++it) handset.KeyUp(it->key, it->character);
    } else if (const auto* t = std::get_if<Type>(&c)) {
      if (hooks.before_key) {
        for (char32_t ch : DecodeUtf8(t->text)) {
          hooks.before_key();
          handset.Type(std::u32string(1, ch));
        }
      } else {
        handset.Type(DecodeUtf8(t->text));
      }
    } else if (const auto* w = std::get_if<Wait>(&c)) {
      if (hooks.wait) hooks.wait(w->ms);
      else handset.Wait(w->ms);
    } else if (const auto* e = std::get_if<ExpectText>(&c)) {
      ok = hooks.expect_text ? hooks.expect_text(*e, &why)
                             : (why = "expect text needs the UI tree, which this host lacks", false);
    } else if (const auto* f = std::get_if<ExpectFocus>(&c)) {
      ok = hooks.expect_focus ? hooks.expect_focus(*f, &why)
                              : (why = "expect focus needs the UI tree, which this host lacks", false);
    } else if (const auto* s = std::get_if<Screenshot>(&c)) {
      ok = hooks.screenshot ? hooks.screenshot(s->file, &why)
                            : (why = "this host cannot take screenshots", false);
    } else if (std::holds_alternative<BatteryPull>(c)) {
      handset.PullBattery();
    } else if (const auto* l = std::get_if<BatteryLevel>(&c)) {
      handset.SetBatteryLevel(l->percent);
    } else if (const auto* ch = std::get_if<Charger>(&c)) {
      handset.SetCharger(ch->on);
    } else if (std::holds_alternative<PowerOn>(c)) {
      ok = handset.PowerOn(&why);
    } else if (const auto* r = std::get_if<RadioPower>(&c)) {
      handset.SetRadio(r->on);
    } else {
      RunDataCommand(c, handset, hooks.print ? hooks.print : [](const std::string&) {}, &ok, &why);
    }
    if (!ok) return {false, script.file + ":" + std::to_string(line.line) + ": " + why};
  }
  return {};
}

PlayerHooks UiHooks(Handset& handset) {
  PlayerHooks hooks;
  hooks.expect_text = [&handset](const ExpectText& e, std::string* why) {
    if (!handset.os()) return *why = "the handset is off", false;
    if (handset.os()->kernel().ShowsText(e.text) == e.present) return true;
    *why = std::string(e.present ? "no" : "a") + " widget shows \"" + e.text + "\"; the screen is:\n" +
           handset.os()->kernel().DumpUi();
    return false;
  };
  hooks.expect_focus = [&handset](const ExpectFocus& f, std::string* why) {
    if (!handset.os()) return *why = "the handset is off", false;
    const std::string focused = handset.os()->kernel().FocusedId();
    if (focused == f.id) return true;
    *why = "focus is on '" + focused + "', not '" + f.id + "'";
    return false;
  };
  return hooks;
}

}  // namespace swivel::emulator

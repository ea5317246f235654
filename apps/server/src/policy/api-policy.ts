import { perPlayer } from "../limits/guards";
import { rpcError } from "../runtime/errors";
import type { HookRegistry, RtBeforeRegistry } from "../runtime/registry";

/**
 * The policy for Nakama's client APIs the module does not otherwise hook (docs/security.md
 * "Every client API"): closed ones answer a typed 403 (`api_closed`) before Nakama does any
 * work; open ones that write or cost a query spend the player's CALLS_PER_MINUTE first.
 * The game's own APIs (sign-in, refresh, account, link email, storage, RPCs) are hooked
 * elsewhere (sessions/, accounts/, runtime/storage-guard.ts, limits/).
 */

/** A before hook that refuses: `what` names the API, `why` says what the player can't do. */
function closed(what: string, why: string): () => never {
  return () => {
    throw rpcError("api_closed", `${what}: ${why}`);
  };
}
/** An open API that only spends the player's budget. */
function limited(what: string): nkruntime.BeforeHookFunction<unknown> {
  return perPlayer<unknown>(what, (_ctx, _logger, _nk, req) => req);
}

const NO_SOCIAL = "this game has no friends list (a friend races you by a code or a link)";
const NO_GROUPS = "this game has no groups";
const NO_BOARD_WRITES =
  "the board is authoritative: scores reach it only from a live round the server played (live_round_create)";
const NO_PROVIDER = "this game signs in with a device or an email only";
const NO_PURCHASES = "this game sells nothing";
const NO_LINK = "the game links an email to a guest account and nothing else";

type ClosedMethod = keyof HookRegistry;

const CLOSED: [ClosedMethod, string, string][] = [
  // Friends: any user could send requests to anyone, and they persist as notifications.
  ["registerBeforeAddFriends", "friend add", NO_SOCIAL],
  ["registerBeforeBlockFriends", "friend block", NO_SOCIAL],
  ["registerBeforeImportFacebookFriends", "friend import", NO_SOCIAL],
  ["registerBeforeImportSteamFriends", "friend import", NO_SOCIAL],
  // Groups: unlimited groups, each a row and a chat channel.
  ["registerBeforeCreateGroup", "group create", NO_GROUPS],
  ["registerBeforeUpdateGroup", "group update", NO_GROUPS],
  ["registerBeforeDeleteGroup", "group delete", NO_GROUPS],
  ["registerBeforeJoinGroup", "group join", NO_GROUPS],
  ["registerBeforeAddGroupUsers", "group add", NO_GROUPS],
  ["registerBeforeBanGroupUsers", "group ban", NO_GROUPS],
  ["registerBeforeKickGroupUsers", "group kick", NO_GROUPS],
  ["registerBeforePromoteGroupUsers", "group promote", NO_GROUPS],
  ["registerBeforeDemoteGroupUsers", "group demote", NO_GROUPS],
  // Chat history: there is no chat (ChannelJoin is closed below).
  ["registerBeforeListChannelMessages", "channel messages", "this game has no chat"],
  // Boards and tournaments: the weekly board is written by the live match only.
  ["registerBeforeWriteLeaderboardRecord", "leaderboard write", NO_BOARD_WRITES],
  ["registerBeforeDeleteLeaderboardRecord", "leaderboard delete", NO_BOARD_WRITES],
  ["registerBeforeWriteTournamentRecord", "tournament write", "this game has no tournaments"],
  ["registerBeforeDeleteTournamentRecord", "tournament delete", "this game has no tournaments"],
  ["registerBeforeJoinTournament", "tournament join", "this game has no tournaments"],
  // Sign-in providers that are not configured (each would call out to the provider first).
  ["registerBeforeAuthenticateApple", "Apple sign-in", NO_PROVIDER],
  ["registerBeforeAuthenticateFacebook", "Facebook sign-in", NO_PROVIDER],
  ["registerBeforeAuthenticateFacebookInstantGame", "Facebook sign-in", NO_PROVIDER],
  ["registerBeforeAuthenticateGameCenter", "Game Center sign-in", NO_PROVIDER],
  ["registerBeforeAuthenticateGoogle", "Google sign-in", NO_PROVIDER],
  ["registerBeforeAuthenticateSteam", "Steam sign-in", NO_PROVIDER],
  // Links and unlinks beside link email: the email claims (accounts/email-claims.ts) and the
  // login records assume an account's ids change only there.
  ["registerBeforeLinkApple", "link", NO_LINK],
  ["registerBeforeLinkFacebook", "link", NO_LINK],
  ["registerBeforeLinkFacebookInstantGame", "link", NO_LINK],
  ["registerBeforeLinkGameCenter", "link", NO_LINK],
  ["registerBeforeLinkGoogle", "link", NO_LINK],
  ["registerBeforeLinkSteam", "link", NO_LINK],
  ["registerBeforeLinkDevice", "link", NO_LINK],
  ["registerBeforeLinkCustom", "link", NO_LINK],
  ["registerBeforeUnlinkApple", "unlink", NO_LINK],
  ["registerBeforeUnlinkFacebook", "unlink", NO_LINK],
  ["registerBeforeUnlinkFacebookInstantGame", "unlink", NO_LINK],
  ["registerBeforeUnlinkGameCenter", "unlink", NO_LINK],
  ["registerBeforeUnlinkGoogle", "unlink", NO_LINK],
  ["registerBeforeUnlinkSteam", "unlink", NO_LINK],
  ["registerBeforeUnlinkDevice", "unlink", NO_LINK],
  ["registerBeforeUnlinkCustom", "unlink", NO_LINK],
  ["registerBeforeUnlinkEmail", "unlink", NO_LINK],
  // Purchases: no store is configured (each would call out to the store first).
  ["registerBeforeValidatePurchaseApple", "purchase", NO_PURCHASES],
  ["registerBeforeValidatePurchaseGoogle", "purchase", NO_PURCHASES],
  ["registerBeforeValidatePurchaseHuawei", "purchase", NO_PURCHASES],
  ["registerBeforeValidatePurchaseSamsung", "purchase", NO_PURCHASES],
  ["registerBeforeValidateSubscriptionApple", "subscription", NO_PURCHASES],
  ["registerBeforeValidateSubscriptionGoogle", "subscription", NO_PURCHASES],
  ["registerBeforeValidatePurchaseFacebookInstant", "purchase", NO_PURCHASES],
  ["registerBeforeGetSubscription", "subscription", NO_PURCHASES],
  ["registerBeforeListSubscriptions", "subscription", NO_PURCHASES],
  // Client events go to the module's event handler, which this game does not have.
  ["registerBeforeEvent", "event", "this game takes no client events"],
];

/** Open, with the player's budget: reads that cost a query, and the player's own deletes. */
const LIMITED: [ClosedMethod, string][] = [
  ["registerBeforeListFriends", "friends list"],
  ["registerBeforeListFriendsOfFriends", "friends list"],
  ["registerBeforeDeleteFriends", "friend delete"],
  ["registerBeforeListGroups", "groups list"],
  ["registerBeforeListGroupUsers", "group users"],
  ["registerBeforeListUserGroups", "user groups"],
  ["registerBeforeLeaveGroup", "group leave"],
  ["registerBeforeListLeaderboardRecords", "leaderboard list"],
  ["registerBeforeListLeaderboardRecordsAroundOwner", "leaderboard list"],
  ["registerBeforeListTournaments", "tournaments list"],
  ["registerBeforeListTournamentRecords", "tournament list"],
  ["registerBeforeListTournamentRecordsAroundOwner", "tournament list"],
  ["registerBeforeListMatches", "matches list"],
  ["registerBeforeListParties", "parties list"],
  ["registerBeforeGetMatchmakerStats", "matchmaker stats"],
  ["registerBeforeListNotifications", "notifications list"],
  ["registerBeforeDeleteNotifications", "notifications delete"],
  ["registerBeforeGetUsers", "users"],
  ["registerBeforeReadStorageObjects", "storage read"],
  ["registerBeforeListStorageObjects", "storage list"],
  ["registerBeforeDeleteAccount", "account delete"],
];

export const apiPolicyHooks: HookRegistry = Object.fromEntries([
  ...CLOSED.map(([method, what, why]) => [method, closed(what, why)]),
  ...LIMITED.map(([method, what]) => [method, limited(what)]),
]) as HookRegistry;

const NO_CHAT = "this game has no chat";
const NO_PARTIES = "this game has no parties";

/**
 * Realtime messages refused (an error envelope with the typed message; the socket stays).
 * Open, and bounded elsewhere: MatchJoin, MatchLeave and MatchDataSend reach only matches
 * the server created (client-created relayed matches are closed here), whose handler bounds
 * what a client sends; MatchmakerAdd (race tickets only: main.ts) and MatchmakerRemove; Ping/Pong; ChannelLeave,
 * StatusUnfollow (nothing to leave).
 */
export const apiPolicyRtHooks: RtBeforeRegistry = Object.fromEntries(
  (
    [
      ["ChannelJoin", "channel join", NO_CHAT],
      ["ChannelMessageSend", "channel message", NO_CHAT],
      ["ChannelMessageUpdate", "channel message", NO_CHAT],
      ["ChannelMessageRemove", "channel message", NO_CHAT],
      [
        "MatchCreate",
        "match create",
        "matches are created by the server (a client-relayed match has no referee)",
      ],
      ["PartyCreate", "party", NO_PARTIES],
      ["PartyJoin", "party", NO_PARTIES],
      ["PartyLeave", "party", NO_PARTIES],
      ["PartyPromote", "party", NO_PARTIES],
      ["PartyAccept", "party", NO_PARTIES],
      ["PartyRemove", "party", NO_PARTIES],
      ["PartyClose", "party", NO_PARTIES],
      ["PartyJoinRequestList", "party", NO_PARTIES],
      ["PartyMatchmakerAdd", "party", NO_PARTIES],
      ["PartyMatchmakerRemove", "party", NO_PARTIES],
      ["PartyDataSend", "party", NO_PARTIES],
      // A status carries the follower's view of the user's presence, session id included.
      ["StatusFollow", "status follow", "this game shares no online status"],
      ["StatusUpdate", "status update", "this game shares no online status"],
    ] as const
  ).map(([id, what, why]) => [id, closed(what, why)]),
);

/**
 * The Phaser the product ships: Phaser 4's own sources (phaser/src, through the "phaser-src"
 * alias of vite.config.ts), only the parts the game uses. Modelled on phaser/src/phaser-core.js
 * without physics, tilemaps, sound (audio/ synthesizes its own with WebAudio), the loader's file
 * types, curves, geometry and the game objects the game never makes. Each Factories/Creators
 * import registers `scene.add.<kind>` / `scene.make.<kind>`: a kind the game starts to use is
 * added here (test/phaser-slim.test.ts checks every `add.`/`make.` call in src has one).
 *
 * Named exports, so `import * as Phaser from "phaser"` reads as it does with the full build.
 */
import "phaser-src/polyfills/requestVideoFrame.js";
import CONST from "phaser-src/const.js";

// The scene plugins every scene gets (plugins/DefaultPlugins.js): each module registers its own.
import "phaser-src/gameobjects/DisplayList.js";
import "phaser-src/gameobjects/UpdateList.js";
import "phaser-src/gameobjects/GameObjectCreator.js";
import "phaser-src/gameobjects/GameObjectFactory.js";
import "phaser-src/data/DataManagerPlugin.js";
import "phaser-src/loader/LoaderPlugin.js";

import "phaser-src/gameobjects/container/ContainerCreator.js";
import "phaser-src/gameobjects/container/ContainerFactory.js";
import "phaser-src/gameobjects/graphics/GraphicsCreator.js";
import "phaser-src/gameobjects/graphics/GraphicsFactory.js";
import "phaser-src/gameobjects/image/ImageCreator.js";
import "phaser-src/gameobjects/image/ImageFactory.js";
import "phaser-src/gameobjects/particles/ParticleEmitterFactory.js";
import "phaser-src/gameobjects/shape/rectangle/RectangleFactory.js";
import "phaser-src/gameobjects/text/TextCreator.js";
import "phaser-src/gameobjects/text/TextFactory.js";
import "phaser-src/gameobjects/zone/ZoneCreator.js";
import "phaser-src/gameobjects/zone/ZoneFactory.js";

import Animations from "phaser-src/animations/index.js";
import Cache from "phaser-src/cache/index.js";
import Scene2D from "phaser-src/cameras/2d/index.js";
import Game from "phaser-src/core/Game.js";
import Core from "phaser-src/core/index.js";
import Events from "phaser-src/events/index.js";
import Container from "phaser-src/gameobjects/container/Container.js";
import GameObject from "phaser-src/gameobjects/GameObject.js";
import Graphics from "phaser-src/gameobjects/graphics/Graphics.js";
import Image from "phaser-src/gameobjects/image/Image.js";
import ParticleEmitter from "phaser-src/gameobjects/particles/ParticleEmitter.js";
import Rectangle from "phaser-src/gameobjects/shape/rectangle/Rectangle.js";
import Text from "phaser-src/gameobjects/text/Text.js";
import Zone from "phaser-src/gameobjects/zone/Zone.js";
import Input from "phaser-src/input/index.js";
import Plugins from "phaser-src/plugins/index.js";
import BlendModes from "phaser-src/renderer/BlendModes.js";
import Renderer from "phaser-src/renderer/index.js";
import ScaleModes from "phaser-src/renderer/ScaleModes.js";
import Scale from "phaser-src/scale/index.js";
import Scenes from "phaser-src/scene/index.js";
import Scene from "phaser-src/scene/Scene.js";
import Structs from "phaser-src/structs/index.js";
import Textures from "phaser-src/textures/index.js";
import Time from "phaser-src/time/index.js";
import Tweens from "phaser-src/tweens/index.js";

export const Cameras = { Scene2D };
export const GameObjects = {
  Container,
  GameObject,
  Graphics,
  Image,
  Particles: { ParticleEmitter },
  Rectangle,
  Text,
  Zone,
};
export {
  Animations,
  BlendModes,
  Cache,
  Core,
  Events,
  Game,
  Input,
  Plugins,
  Renderer,
  Scale,
  ScaleModes,
  Scene,
  Scenes,
  Structs,
  Textures,
  Time,
  Tweens,
};
export const { AUTO, CANVAS, HEADLESS, WEBGL, VERSION } = CONST;
